package io.moldtank.adapters.http;

import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.http.ServerResponse;
import io.moldtank.domain.agent.Agent;
import io.moldtank.domain.bounty.BountyRefusal;
import io.moldtank.domain.shared.Reason;
import io.moldtank.ports.in.Outcome;
import io.moldtank.ports.out.guard.GuardUnavailableException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The one place that turns failures and refusals into application/problem+json (RFC 9457). */
final class Problems {
    private static final Logger LOG = LoggerFactory.getLogger(Problems.class);
    /** Refusals that mean "not yours" rather than "not now". */
    private static final Set<Reason> FORBIDDEN = Set.of(Agent.Refusal.NOT_SELF, BountyRefusal.NOT_POSTER,
            BountyRefusal.OWN_BOUNTY, Agent.Refusal.DEACTIVATED);

    private Problems() {
    }

    static void register(HttpRouting.Builder routing) {
        routing.error(ApiProblem.class, (req, res, e) -> send(res, e));
        routing.error(GuardUnavailableException.class, (req, res, e) -> {
            LOG.warn("guard unavailable: {}", e.getMessage());
            send(res, new ApiProblem(503, "guard-unavailable", "Service unavailable",
                    "a protection store is unreachable; retry later", java.util.List.of(), 5L));
        });
    }

    /** The value of a use case's outcome, or the problem that answers its refusal. */
    static <T> T valueOf(Outcome<T> outcome) {
        return switch (outcome) {
            case Outcome.Done<T> d -> d.value();
            case Outcome.NotFound<T> n -> throw ApiProblem.notFound(n.what(), n.id());
            case Outcome.Refused<T> r -> throw FORBIDDEN.contains(r.reason())
                    ? ApiProblem.forbidden(r.reason().code(), r.detail())
                    : ApiProblem.conflict(r.reason().code(), r.detail());
        };
    }

    static void send(ServerResponse res, ApiProblem p) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", p.type());
        body.put("title", p.title());
        body.put("status", p.status());
        body.put("detail", p.getMessage());
        if (!p.errors().isEmpty()) {
            body.put("errors", p.errors());
        }
        if (p.retryAfterSeconds() != null) {
            res.header(HeaderNames.RETRY_AFTER, String.valueOf(p.retryAfterSeconds()));
        }
        EdgeFilter.securityHeaders(res);
        res.status(Status.create(p.status()));
        res.header(HeaderNames.CONTENT_TYPE, "application/problem+json");
        res.send(Json.write(body));
    }
}
