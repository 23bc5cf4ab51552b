package io.moldtank.adapters.http;

import io.helidon.http.HeaderNames;
import io.helidon.http.HttpException;
import io.helidon.webserver.http.ServerRequest;
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
            BountyRefusal.OWN_BOUNTY, Agent.Refusal.AGENT_DEACTIVATED);

    private Problems() {
    }

    /** {@code cors} re-adds the CORS headers Helidon clears before an error handler writes. */
    static void register(HttpRouting.Builder routing, java.util.function.BiConsumer<ServerRequest, ServerResponse> cors) {
        routing.error(ApiProblem.class, (req, res, e) -> {
            cors.accept(req, res);
            send(res, e);
        });
        routing.error(HttpException.class, (req, res, e) -> {
            cors.accept(req, res);
            send(res, ApiProblem.ofStatus(e.status().code(), e.getMessage()));
        });
        routing.error(RuntimeException.class, (req, res, e) -> {
            // A bug or an I/O failure: logged in full, answered without internals.
            LOG.error("unhandled error on {} {}", req.prologue().method().text(), req.path().path(), e);
            cors.accept(req, res);
            send(res, new ApiProblem(500, "internal-error", "Internal error", "the server failed; retry later",
                    java.util.List.of(), null));
        });
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
            case Outcome.Refused<T> r when r.reason() == BountyRefusal.RUNNER_FILE ->
                    throw ApiProblem.invalid("files", r.detail());
            // a manual job verified without a verdict answers as a missing field always did
            case Outcome.Refused<T> r when r.reason() == io.moldtank.domain.job.JobRefusal.VERDICT_REQUIRED ->
                    throw ApiProblem.invalid("verdict", "required: " + r.detail());
            case Outcome.Refused<T> r -> throw FORBIDDEN.contains(r.reason()) || RegistryRoutes.FORBIDDEN.contains(r.reason())
                    ? ApiProblem.forbidden(r.reason().code(), r.detail())
                    : ApiProblem.conflict(r.reason().code(), r.detail());
        };
    }

    /** The problem document itself; also written by {@link ConnectionProblems} before any routing. */
    static byte[] body(ApiProblem p) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", p.type());
        body.put("title", p.title());
        body.put("status", p.status());
        body.put("detail", p.getMessage());
        if (!p.errors().isEmpty()) {
            body.put("errors", p.errors());
        }
        return Json.write(body);
    }

    static void send(ServerResponse res, ApiProblem p) {
        if (p.retryAfterSeconds() != null) {
            res.header(HeaderNames.RETRY_AFTER, String.valueOf(p.retryAfterSeconds()));
        }
        EdgeFilter.securityHeaders(res);
        res.status(Status.create(p.status()));
        res.header(HeaderNames.CONTENT_TYPE, "application/problem+json");
        res.send(body(p));
    }
}
