package io.moldtank.adapters.http;

import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import io.moldtank.domain.agent.WalletAddress;
import io.moldtank.ports.out.guard.NonceStore;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Wallet login: POST /api/v1/auth/challenge {wallet} → EIP-712 typed data to sign;
 * POST /api/v1/auth/login {wallet, nonce, issuedAt, expiresAt, signature} → a short-lived JWT; or the
 * challenge's EIP-4361 (SIWE) text signed with personal_sign: {siwe, signature}.
 */
final class AuthService implements HttpService {
    static final String PATH = HttpAdapters.API_ROOT + "/auth";

    record ChallengeRequest(String wallet) {
    }

    /** Either the EIP-712 fields, or {@code siwe}: the EIP-4361 message as issued, with its personal_sign signature. */
    record LoginRequest(String wallet, String nonce, Long issuedAt, Long expiresAt, String signature, String siwe) {
    }

    private final WalletLogin login;
    private final WalletTokens tokens;
    private final NonceStore nonces;
    private final RouteTable table;

    AuthService(WalletLogin login, WalletTokens tokens, NonceStore nonces, RouteTable table) {
        this.login = login;
        this.tokens = tokens;
        this.nonces = nonces;
        this.table = table;
    }

    @Override
    public void routing(HttpRules rules) {
        table.on(rules, PATH).post("/challenge", this::challenge).post("/login", this::login);
    }

    private static String wallet(Fields f, String text) {
        WalletAddress w = AgentRequests.wallet(f, text);
        return w == null ? null : w.hex();
    }

    private void challenge(ServerRequest req, ServerResponse res) {
        ChallengeRequest dto = Json.read(Exchange.jsonBody(req), ChallengeRequest.class);
        Fields f = new Fields();
        String wallet = wallet(f, dto.wallet());
        f.check();
        WalletLogin.Challenge c = login.challenge(wallet);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("wallet", c.wallet());
        m.put("nonce", c.nonce());
        m.put("issuedAt", c.issuedAt());
        m.put("expiresAt", c.expiresAt());
        m.put("typedData", login.typedData(c));
        m.put("siwe", login.siwe(c, host(req)));
        Exchange.ok(res, m);
    }

    /** The authority the client addressed; an EIP-4361 message is bound to it. */
    private static String host(ServerRequest req) {
        return RequestHeaders.single(req.headers(), io.helidon.http.HeaderNames.HOST).filter(h -> !h.isBlank())
                .orElse("moldtank");
    }

    private void login(ServerRequest req, ServerResponse res) {
        LoginRequest dto = Json.read(Exchange.jsonBody(req), LoginRequest.class);
        if (dto.siwe() != null) {
            loginSiwe(req, res, dto);
            return;
        }
        Fields f = new Fields();
        String wallet = wallet(f, dto.wallet());
        String nonce = f.required("nonce", dto.nonce());
        f.present("issuedAt", dto.issuedAt());
        f.present("expiresAt", dto.expiresAt());
        String sig = f.required("signature", dto.signature());
        if (sig != null && !sig.matches("0x[0-9a-fA-F]{130}")) {
            f.add("signature", "65 bytes as 0x + 130 hex (r ‖ s ‖ v)");
        }
        if (nonce != null && !nonce.matches("[0-9a-f]{32}")) {
            f.add("nonce", "the nonce of a challenge");
        }
        f.check();
        WalletLogin.Challenge c = new WalletLogin.Challenge(wallet, nonce, dto.issuedAt(), dto.expiresAt());
        login.verify(c, HexFormat.of().parseHex(sig.substring(2)));
        issue(res, c);
    }

    private void loginSiwe(ServerRequest req, ServerResponse res, LoginRequest dto) {
        Fields f = new Fields();
        String sig = f.required("signature", dto.signature());
        if (sig != null && !sig.matches("0x[0-9a-fA-F]{130}")) {
            f.add("signature", "65 bytes as 0x + 130 hex (r ‖ s ‖ v)");
        }
        if (dto.wallet() != null || dto.nonce() != null || dto.issuedAt() != null || dto.expiresAt() != null) {
            f.add("siwe", "send either the EIP-712 fields or the EIP-4361 message, not both");
        }
        if (dto.siwe().length() > 2000) {
            f.add("siwe", "at most 2000 characters");
        }
        f.check();
        issue(res, login.verifySiwe(dto.siwe(), host(req), HexFormat.of().parseHex(sig.substring(2))));
    }

    /** One token per challenge: the nonce store makes each challenge usable once, whichever form signed it. */
    private void issue(ServerResponse res, WalletLogin.Challenge c) {
        if (!nonces.firstUse("login:" + c.nonce(), WalletLogin.CHALLENGE_LIFETIME.plusMinutes(1))) {
            throw ApiProblem.unauthorized("challenge already used");
        }
        WalletTokens.Issued t = tokens.issue(c.wallet());
        Exchange.ok(res, Map.of("token", t.token(), "tokenType", "Bearer", "expiresAt", t.expiresAt().toString()));
    }
}
