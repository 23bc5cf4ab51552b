package io.moldtank.adapters.http;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Wallet login with an EIP-712 challenge. The typed data is
 * {@code Login(address wallet,string nonce,uint256 issuedAt,uint256 expiresAt)} in the domain
 * {@code EIP712Domain(string name,string version,uint256 chainId)} = ("MoldTank", "1", chainId).
 * The nonce is an HMAC of wallet and times under a server secret, so challenges need no storage yet
 * cannot be invented by clients; the nonce store makes each one usable once.
 */
final class WalletLogin {
    static final Duration CHALLENGE_LIFETIME = Duration.ofMinutes(5);
    static final String LOGIN_TYPE = "Login(address wallet,string nonce,uint256 issuedAt,uint256 expiresAt)";
    static final String DOMAIN_TYPE = "EIP712Domain(string name,string version,uint256 chainId)";

    record Challenge(String wallet, String nonce, long issuedAt, long expiresAt) {
    }

    private final byte[] secret;
    private final long chainId;
    private final Clock clock;
    private final byte[] domainSeparator;

    WalletLogin(byte[] secret, long chainId, Clock clock) {
        this.secret = secret.clone();
        this.chainId = chainId;
        this.clock = clock;
        this.domainSeparator = Eip712.keccak(Eip712.keccak(DOMAIN_TYPE), Eip712.string("MoldTank"),
                Eip712.string("1"), Eip712.uint(BigInteger.valueOf(chainId)));
    }

    Challenge challenge(String wallet) {
        long now = clock.instant().getEpochSecond();
        long exp = now + CHALLENGE_LIFETIME.toSeconds();
        return new Challenge(wallet, nonce(wallet, now, exp), now, exp);
    }

    /** The same challenge as EIP-4361 text, for wallets that sign personal messages. */
    String siwe(Challenge c, String domain) {
        return SiweMessage.text(domain, c.wallet(), chainId, c.nonce(), c.issuedAt(), c.expiresAt());
    }

    /** Verifies a signed EIP-4361 message issued by this server for {@code domain}; returns its challenge. */
    Challenge verifySiwe(String message, String domain, byte[] signature) {
        SiweMessage.Claims claims = SiweMessage.parse(message);
        if (!claims.domain().equals(domain) || claims.chainId() != chainId) {
            throw ApiProblem.unauthorized("message is for another site or chain");
        }
        Challenge c = new Challenge(claims.wallet(), claims.nonce(), claims.issuedAt(), claims.expiresAt());
        checkIssued(c);
        if (!c.wallet().equals(Eip712.recover(SiweMessage.digest(message), signature))) {
            throw ApiProblem.unauthorized("signature is not the wallet's");
        }
        return c;
    }

    /** Checks that the challenge is ours and current and that {@code wallet} signed it; 401 otherwise. */
    void verify(Challenge c, byte[] signature) {
        checkIssued(c);
        String signer = Eip712.recover(digest(c), signature);
        if (!c.wallet().equals(signer)) {
            throw ApiProblem.unauthorized("signature is not the wallet's");
        }
    }

    private void checkIssued(Challenge c) {
        long now = clock.instant().getEpochSecond();
        if (!java.security.MessageDigest.isEqual(nonce(c.wallet(), c.issuedAt(), c.expiresAt())
                .getBytes(StandardCharsets.US_ASCII), c.nonce().getBytes(StandardCharsets.US_ASCII))) {
            throw ApiProblem.unauthorized("challenge was not issued by this server");
        }
        if (now >= c.expiresAt() || c.issuedAt() > now + 30) {
            throw ApiProblem.unauthorized("challenge expired");
        }
    }

    byte[] digest(Challenge c) {
        byte[] struct = Eip712.keccak(Eip712.keccak(LOGIN_TYPE), Eip712.address(c.wallet()), Eip712.string(c.nonce()),
                Eip712.uint(BigInteger.valueOf(c.issuedAt())), Eip712.uint(BigInteger.valueOf(c.expiresAt())));
        return Eip712.digest(domainSeparator, struct);
    }

    /** eth_signTypedData_v4 input for the challenge, so a wallet can sign it as is. */
    Map<String, Object> typedData(Challenge c) {
        Map<String, Object> types = new LinkedHashMap<>();
        types.put("EIP712Domain", List.of(field("name", "string"), field("version", "string"),
                field("chainId", "uint256")));
        types.put("Login", List.of(field("wallet", "address"), field("nonce", "string"), field("issuedAt", "uint256"),
                field("expiresAt", "uint256")));
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("types", types);
        m.put("primaryType", "Login");
        m.put("domain", Map.of("name", "MoldTank", "version", "1", "chainId", chainId));
        m.put("message", Map.of("wallet", c.wallet(), "nonce", c.nonce(), "issuedAt", c.issuedAt(),
                "expiresAt", c.expiresAt()));
        return m;
    }

    private static Map<String, String> field(String name, String type) {
        return Map.of("name", name, "type", type);
    }

    private String nonce(String wallet, long issuedAt, long expiresAt) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            byte[] h = mac.doFinal((wallet + "|" + issuedAt + "|" + expiresAt).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(h, 0, 16);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    Instant now() {
        return clock.instant();
    }
}
