package io.moldtank.client;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.json.JSONObject;

/**
 * One request to the server, signed afresh on every attempt (new timestamp and nonce, same body and
 * Idempotency-Key), retried only when that is safe (see {@link Retries}); refusals become typed
 * {@link ProblemException}s.
 */
final class Transport {
    /** A request as the SDK means it. {@code retrySafe}: a read, or a write the server deduplicates. */
    record Call(String method, String path, String query, byte[] body, String signAs, String idempotencyKey,
                boolean retrySafe, Duration timeout) {
        static Call get(String path, String query) {
            return new Call("GET", path, query, null, null, null, true, null);
        }
    }

    record Reply(int status, java.net.http.HttpHeaders headers, byte[] body) {
        JSONObject json() {
            return new JSONObject(new String(body, java.nio.charset.StandardCharsets.UTF_8));
        }
    }

    /** Waits the SDK makes between attempts; tests replace it. */
    interface Sleeper {
        void sleep(Duration d) throws InterruptedException;
    }

    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

    private final URI base;
    private final HttpClient http;
    private final Retries retries;
    private final Clock clock;
    private final Sleeper sleeper;
    private final Supplier<Identity> identity;
    private final AtomicLong requests = new AtomicLong();

    Transport(URI base, HttpClient http, Retries retries, Clock clock, Sleeper sleeper, Supplier<Identity> identity) {
        this.base = base;
        this.http = http;
        this.retries = retries;
        this.clock = clock;
        this.sleeper = sleeper;
        this.identity = identity;
    }

    URI base() {
        return base;
    }

    /** HTTP requests sent so far, retries included. */
    long requests() {
        return requests.get();
    }

    Reply send(Call call) {
        for (int attempt = 1; ; attempt++) {
            boolean last = attempt >= retries.maxAttempts();
            Reply reply;
            try {
                requests.incrementAndGet();
                reply = exchange(call);
            } catch (ConnectException | HttpConnectTimeoutException notSent) {
                // no connection, so no request reached the server: safe to try again whatever it was
                if (last) {
                    throw new TransportException("cannot reach " + base + ": " + notSent, notSent);
                }
                pause(retries.backoff(attempt));
                continue;
            } catch (IOException e) {
                if (last || !call.retrySafe()) {
                    throw new TransportException(call.method() + " " + call.path() + " failed: " + e
                            + (call.retrySafe() ? "" : " (not retried: the server may have done it)"), e);
                }
                pause(retries.backoff(attempt));
                continue;
            }
            if (reply.status() < 400) {
                return reply;
            }
            ProblemException problem = ProblemException.of(reply.status(), reply.body(), retryAfter(reply));
            Optional<Duration> again = last ? Optional.empty() : retryIn(call, problem, attempt);
            if (again.isEmpty()) {
                throw problem;
            }
            pause(again.get());
        }
    }

    /** When a refused attempt may be made again, and after how long. */
    private Optional<Duration> retryIn(Call call, ProblemException p, int attempt) {
        Duration told = p.retryAfter().orElse(retries.backoff(attempt));
        if (told.compareTo(retries.maxRetryAfter()) > 0) {
            return Optional.empty();
        }
        return switch (p) {
            // refused at the edge or right after the signature check, before any work: always safe
            case ProblemException.RateLimited r -> Optional.of(told);
            case ProblemException.Unavailable u when call.retrySafe() -> Optional.of(told);
            case ProblemException.ServerFailure f when call.retrySafe() -> Optional.of(retries.backoff(attempt));
            case ProblemException.Conflict c when c.is(ProblemException.IDEMPOTENCY_IN_FLIGHT)
                    && call.idempotencyKey() != null -> Optional.of(retries.backoff(attempt));
            default -> Optional.empty();
        };
    }

    private Reply exchange(Call call) throws IOException {
        String raw = call.path() + (call.query() == null || call.query().isEmpty() ? "" : "?" + call.query());
        byte[] body = call.body() == null ? new byte[0] : call.body();
        String root = base.toString().endsWith("/") ? base.toString().substring(0, base.toString().length() - 1)
                : base.toString();
        HttpRequest.Builder req = HttpRequest.newBuilder(URI.create(root + raw))
                .timeout(call.timeout() == null ? DEFAULT_TIMEOUT : call.timeout())
                .method(call.method(), call.body() == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body))
                .header("Accept", "application/json, application/problem+json");
        if (call.body() != null) {
            req.header("Content-Type", "application/json");
        }
        if (call.signAs() != null) {
            Identity who = identity.get();
            if (who == null) {
                throw new IllegalStateException("this call is signed: give the client a key (MoldTank.Builder.identity)");
            }
            String as = call.signAs().equals("agent") ? requireId(who) : call.signAs();
            AgentSig.headers(who.key(), as, call.method(), basePath() + call.path(), call.query(),
                    clock.instant().getEpochSecond(), body).forEach(req::header);
        }
        if (call.idempotencyKey() != null) {
            req.header("Idempotency-Key", call.idempotencyKey());
        }
        try {
            HttpResponse<byte[]> res = http.send(req.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Reply(res.statusCode(), res.headers(), res.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    /** A server mounted under a path prefix signs the full path it sees. */
    private String basePath() {
        String p = base.getRawPath();
        return p == null || p.equals("/") ? "" : p.endsWith("/") ? p.substring(0, p.length() - 1) : p;
    }

    private static String requireId(Identity who) {
        if (who.agentId() == null) {
            throw new IllegalStateException("this call is signed by a registered agent: register first");
        }
        return who.agentId();
    }

    private static Duration retryAfter(Reply reply) {
        return reply.headers().firstValue("Retry-After").filter(v -> v.matches("\\d{1,6}"))
                .map(v -> Duration.ofSeconds(Long.parseLong(v))).orElse(null);
    }

    private void pause(Duration d) {
        try {
            sleeper.sleep(d);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TransportException("interrupted while waiting to retry", e);
        }
    }
}
