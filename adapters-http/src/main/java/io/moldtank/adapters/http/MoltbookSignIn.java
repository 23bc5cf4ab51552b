package io.moldtank.adapters.http;

import io.helidon.http.HeaderName;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.ServerRequest;
import io.moldtank.domain.agent.AgentId;
import io.moldtank.domain.moltbook.MoltbookIdentity;
import io.moldtank.domain.moltbook.MoltbookLink;
import io.moldtank.domain.moltbook.MoltbookRefusal;
import io.moldtank.ports.in.Outcome;
import io.moldtank.ports.in.moltbook.MoltbookUseCases;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * "Sign in with Moltbook" at the HTTP edge: reads {@code X-Moltbook-Identity}, answers each refusal with its
 * own problem type (expired, invalid and wrong-audience tokens 401, a deactivated agent 403, an identity
 * linked elsewhere 409, Moltbook unavailable 503), and shows the badge. Null use cases: the feature is off.
 */
final class MoltbookSignIn {
    static final HeaderName IDENTITY = HeaderNames.create("X-Moltbook-Identity");

    private final MoltbookUseCases moltbook;

    MoltbookSignIn(MoltbookUseCases moltbook) {
        this.moltbook = moltbook;
    }

    /** The header's token, if sent; refused when the feature is off. */
    Optional<String> token(ServerRequest req) {
        Optional<String> token = RequestHeaders.single(req.headers(), IDENTITY).map(String::strip);
        if (token.isPresent() && moltbook == null) {
            throw ApiProblem.invalid(IDENTITY.defaultCase(), "Sign in with Moltbook is not enabled on this server");
        }
        return token;
    }

    /** The verified identity behind the token, not linked to any agent yet. */
    MoltbookIdentity check(String token) {
        return valueOf(moltbook.check(token));
    }

    MoltbookLink link(AgentId agent, String token) {
        return valueOf(moltbook.link(agent, token));
    }

    boolean enabled() {
        return moltbook != null;
    }

    /** Adds the profile's {@code moltbook} badge (null when not linked); nothing when the feature is off. */
    void badge(Map<String, Object> profile, AgentId agent) {
        if (moltbook == null) {
            return;
        }
        profile.put("moltbook", moltbook.linkOf(agent).map(l -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", l.identity().name());
            m.put("displayName", l.identity().displayName());
            m.put("karma", l.identity().karma());
            m.put("claimed", l.identity().claimed());
            m.put("ownerHandle", l.identity().ownerHandle());
            m.put("verifiedAt", l.verifiedAt().toString());
            return m;
        }).orElse(null));
    }

    private static <T> T valueOf(Outcome<T> outcome) {
        if (outcome instanceof Outcome.Refused<T> r && r.reason() instanceof MoltbookRefusal m) {
            throw switch (m) {
                case MOLTBOOK_TOKEN_EXPIRED, MOLTBOOK_TOKEN_INVALID, MOLTBOOK_WRONG_AUDIENCE ->
                        new ApiProblem(401, m.code(), "Moltbook identity refused", r.detail(), List.of(), null);
                case MOLTBOOK_AGENT_DEACTIVATED -> ApiProblem.forbidden(m.code(), r.detail());
                case MOLTBOOK_IDENTITY_TAKEN -> ApiProblem.conflict(m.code(), r.detail());
                case MOLTBOOK_UNAVAILABLE -> new ApiProblem(503, m.code(), "Moltbook unavailable", r.detail(),
                        List.of(), 30L);
            };
        }
        return Problems.valueOf(outcome);
    }
}
