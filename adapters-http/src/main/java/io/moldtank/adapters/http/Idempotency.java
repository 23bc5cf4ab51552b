package io.moldtank.adapters.http;

import io.helidon.http.HeaderName;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import io.moldtank.domain.agent.AgentId;
import io.moldtank.ports.out.guard.IdempotencyStore;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * {@code Idempotency-Key} on POSTs that create something or move money. Keys are scoped by the signed
 * agent, so agents cannot collide or probe each other's keys. Only successful answers are remembered:
 * a refused or invalid request changed nothing, so it is released and may simply be retried.
 */
final class Idempotency {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Idempotency.class);
    private static final java.util.regex.Pattern KEY_SHAPE = java.util.regex.Pattern.compile("[A-Za-z0-9_.:-]{8,128}");
    static final HeaderName KEY = HeaderNames.create("Idempotency-Key");
    static final HeaderName REPLAYED = HeaderNames.create("Idempotent-Replayed");
    static final Duration KEEP = Duration.ofHours(24);
    /** A claim whose handler died lapses after this, so the key becomes usable again. */
    static final Duration IN_FLIGHT = Duration.ofMinutes(2);

    /** What a handler answers, before it is written and remembered. */
    record Reply(Status status, Object body) {
    }

    private final IdempotencyStore store;

    Idempotency(IdempotencyStore store) {
        this.store = store;
    }

    void run(ServerRequest req, ServerResponse res, AgentId agent, byte[] body, Supplier<Reply> work) {
        String key = RequestHeaders.single(req.headers(), KEY).orElse(null);
        if (key == null) {
            send(res, work.get());
            return;
        }
        if (!KEY_SHAPE.matcher(key).matches()) {
            throw ApiProblem.invalid("Idempotency-Key", "8..128 of [A-Za-z0-9_.:-]");
        }
        String scoped = "idem:" + agent + ":" + key;
        String fingerprint = req.prologue().method().text() + " " + req.prologue().uriPath().rawPath() + " "
                + AgentSignatures.sha256Hex(body);
        switch (store.claim(scoped, fingerprint, IN_FLIGHT)) {
            case IdempotencyStore.Claim.Replay r -> {
                res.status(Status.create(r.answer().status()));
                res.header(HeaderNames.CONTENT_TYPE, r.answer().contentType());
                res.header(REPLAYED, "true");
                res.send(r.answer().body());
            }
            case IdempotencyStore.Claim.Mismatch m -> throw ApiProblem.idempotencyMismatch();
            case IdempotencyStore.Claim.InFlight f -> throw ApiProblem.conflict("idempotency-in-flight",
                    "a request with this Idempotency-Key is still being processed");
            case IdempotencyStore.Claim.Fresh f -> {
                Reply reply;
                try {
                    reply = work.get();
                } catch (RuntimeException e) {
                    release(scoped, agent, e);
                    throw e;
                }
                byte[] bytes = Json.write(reply.body());
                try {
                    store.complete(scoped, new IdempotencyStore.Stored(reply.status().code(), "application/json",
                            bytes), KEEP);
                } catch (RuntimeException e) {
                    // The work is done: the client gets its answer, not an error that would invite a retry. The
                    // key stays claimed, so a retry within IN_FLIGHT is refused (409) instead of done twice.
                    LOG.warn("answer for an Idempotency-Key of agent {} not stored ({}); the key stays claimed for {}",
                            agent, e.getMessage(), IN_FLIGHT);
                }
                res.status(reply.status());
                res.header(HeaderNames.CONTENT_TYPE, "application/json");
                res.send(bytes);
            }
        }
    }

    /** A refused request frees its key; if the store is away, the claim lapses after IN_FLIGHT instead. */
    private void release(String scoped, AgentId agent, RuntimeException cause) {
        try {
            store.release(scoped);
        } catch (RuntimeException e) {
            cause.addSuppressed(e);
            LOG.warn("Idempotency-Key of agent {} not released ({}); it lapses after {}", agent, e.getMessage(),
                    IN_FLIGHT);
        }
    }

    private static void send(ServerResponse res, Reply reply) {
        Exchange.json(res, reply.status(), reply.body());
    }
}
