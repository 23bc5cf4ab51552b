package io.moldtank.adapters.http;

import io.helidon.http.HeaderName;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.ServerRequest;
import io.moldtank.domain.agent.Agent;
import io.moldtank.domain.agent.AgentId;
import io.moldtank.domain.agent.AgentStatus;
import io.moldtank.ports.in.Outcome;
import io.moldtank.ports.in.agent.GetAgentQuery;
import io.moldtank.ports.out.guard.NonceStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Checks {@code Authorization: AgentSig <agentId>:<base64 signature>} with {@code X-Timestamp} and
 * {@code X-Nonce} (see {@link AgentSignatures} for the signed text). Order matters: the cheap shape
 * checks, then the signature, and only a valid signature spends its nonce, so forged requests cannot
 * burn an agent's nonces.
 */
final class Authenticator {
    static final HeaderName TIMESTAMP = HeaderNames.create("X-Timestamp");
    static final HeaderName NONCE = HeaderNames.create("X-Nonce");
    static final Duration WINDOW = Duration.ofSeconds(30);
    /** Registration names no agent yet: the body's signing key signs it (proof of key possession). */
    static final String REGISTERING = "register";
    private static final Pattern HEADER = Pattern.compile("AgentSig ([0-9a-fA-F-]{36}|register):([A-Za-z0-9+/=]{1,200})");
    private static final Pattern NONCE_SHAPE = Pattern.compile("[A-Za-z0-9_-]{16,100}");
    private static final Pattern SECONDS = Pattern.compile("\\d{1,12}");

    private final GetAgentQuery agents;
    private final NonceStore nonces;
    private final Clock clock;
    private final RateLimits limits;
    /** Null when wallet login is not configured. */
    private final WalletTokens tokens;

    Authenticator(GetAgentQuery agents, NonceStore nonces, Clock clock, RateLimits limits, WalletTokens tokens) {
        this.tokens = tokens;
        this.agents = agents;
        this.nonces = nonces;
        this.clock = clock;
        this.limits = limits;
    }

    /** The active agent that signed this request. */
    AgentId agent(ServerRequest req, byte[] body) {
        AgentId id = verified(req, body);
        // the agent's own bucket for this kind of request: a signed GET (its wallet, its jobs) is a read
        limits.spend("agent:" + id, RateLimits.bucketOf(req.prologue().method(), req.path().path()));
        return id;
    }

    /** The same check without spending a bucket: for callers that meter per operation (the MCP tools). */
    AgentId verified(ServerRequest req, byte[] body) {
        Signed s = parse(req, body);
        if (s.who().equals(REGISTERING)) {
            throw ApiProblem.unauthorized("sign with your agent id; 'register' is only for POST /api/v1/agents");
        }
        AgentId id = AgentId.parse(s.who());
        Agent agent = switch (agents.agent(id)) {
            case Outcome.Done<Agent> d -> d.value();
            default -> throw ApiProblem.unauthorized("unknown agent " + id);
        };
        if (agent.status() != AgentStatus.ACTIVE) {
            throw ApiProblem.forbidden("agent-deactivated", "agent " + id + " is deactivated");
        }
        accept(s, agent.profile().signingKeyBytes(), id.toString());
        return id;
    }

    /**
     * Checks a registration: either a wallet session token ({@code Bearer}, from wallet login) for the
     * registered wallet, or an AgentSig signed by the key it registers.
     */
    void registration(ServerRequest req, byte[] body, byte[] signingKey, String wallet) {
        String auth = RequestHeaders.single(req.headers(), HeaderNames.AUTHORIZATION).orElse("");
        if (auth.startsWith("Bearer ")) {
            if (tokens == null) {
                throw ApiProblem.unauthorized("wallet login is not enabled here; sign with AgentSig register");
            }
            if (!tokens.walletOf(auth.substring(7).strip()).equals(wallet)) {
                throw ApiProblem.forbidden("not-your-wallet", "the token was issued to another wallet");
            }
            return;
        }
        if (signingKey == null) {
            throw ApiProblem.invalid("signingKey", "required");
        }
        Signed s = parse(req, body);
        if (!s.who().equals(REGISTERING)) {
            throw ApiProblem.unauthorized("a registration is signed as 'AgentSig register:<sig>'");
        }
        accept(s, signingKey, "register:" + java.util.HexFormat.of().formatHex(signingKey));
    }

    private void accept(Signed s, byte[] key, String nonceScope) {
        if (key == null) {
            throw ApiProblem.unauthorized("the agent has no signing key");
        }
        if (!AgentSignatures.verify(key, s.canonical(), s.signature())) {
            throw ApiProblem.unauthorized("bad signature");
        }
        // The nonce lives twice the window so it outlasts every timestamp that could still be accepted.
        if (!nonces.firstUse("agentsig:" + nonceScope + ":" + s.nonce(), WINDOW.multipliedBy(2))) {
            throw ApiProblem.unauthorized("nonce already used");
        }
    }

    private Signed parse(ServerRequest req, byte[] body) {
        String auth = RequestHeaders.credential(req.headers(), HeaderNames.AUTHORIZATION,
                "missing Authorization: AgentSig <agentId>:<signature>");
        var m = HEADER.matcher(auth);
        if (!m.matches()) {
            throw ApiProblem.unauthorized("Authorization must be AgentSig <agentId>:<base64 signature>");
        }
        String who = m.group(1).toLowerCase(java.util.Locale.ROOT);
        if (!who.equals(REGISTERING)) {
            try {
                UUID.fromString(who);
            } catch (IllegalArgumentException e) {
                throw ApiProblem.unauthorized("agent id must be a UUID");
            }
        }
        byte[] signature;
        try {
            signature = Base64.getDecoder().decode(m.group(2));
        } catch (IllegalArgumentException e) {
            throw ApiProblem.unauthorized("signature must be base64");
        }
        String ts = RequestHeaders.credential(req.headers(), TIMESTAMP, "missing X-Timestamp");
        String nonce = RequestHeaders.credential(req.headers(), NONCE, "missing X-Nonce");
        if (!SECONDS.matcher(ts).matches()) {
            throw ApiProblem.unauthorized("X-Timestamp must be unix seconds");
        }
        if (!NONCE_SHAPE.matcher(nonce).matches()) {
            throw ApiProblem.unauthorized("X-Nonce must be 16..100 of [A-Za-z0-9_-]");
        }
        Instant at = Instant.ofEpochSecond(Long.parseLong(ts));
        if (Duration.between(at, clock.instant()).abs().compareTo(WINDOW) > 0) {
            throw ApiProblem.unauthorized("X-Timestamp is more than 30 s away from server time " + clock.instant());
        }
        String query = req.query().rawValue();
        String canonical = AgentSignatures.canonical(req.prologue().method().text(), req.prologue().uriPath().rawPath(),
                query, ts, nonce, body);
        return new Signed(who, signature, nonce, canonical);
    }

    private record Signed(String who, byte[] signature, String nonce, String canonical) {
    }
}
