package io.moldtank.adapters.http;

import io.helidon.http.Header;
import io.helidon.http.HeaderName;
import io.helidon.http.HeaderNames;
import io.helidon.http.HeaderValues;
import io.helidon.http.Method;
import io.helidon.http.Status;
import io.helidon.webserver.http.Filter;
import io.helidon.webserver.http.FilterChain;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What every /api/v1 request passes first, in the seed's order: security headers, CORS (allow-list),
 * the declared body size, the caller IP's token bucket; then a structured log line and a latency
 * sample when the answer is sent.
 */
final class EdgeFilter implements Filter {
    private static final Logger LOG = LoggerFactory.getLogger("io.moldtank.api.access");
    private static final HeaderName ORIGIN = HeaderNames.ORIGIN;
    /** Built once, with their wire bytes cached: by name and value strings they were rebuilt per request. */
    private static final List<Header> SECURITY_HEADERS = List.of(
            HeaderValues.createCached("Strict-Transport-Security", "max-age=31536000; includeSubDomains"),
            HeaderValues.createCached("X-Content-Type-Options", "nosniff"),
            HeaderValues.createCached("X-Frame-Options", "DENY"),
            HeaderValues.createCached("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'"),
            HeaderValues.createCached("Referrer-Policy", "no-referrer"),
            HeaderValues.createCached("Cache-Control", "no-store"));

    private final RateLimits limits;
    private final Set<String> corsOrigins;
    private final ApiMetrics metrics;
    private final RouteFamily families;

    EdgeFilter(RateLimits limits, Set<String> corsOrigins, ApiMetrics metrics, RouteFamily families) {
        this.limits = limits;
        this.corsOrigins = Set.copyOf(corsOrigins);
        this.metrics = metrics;
        this.families = families;
    }

    @Override
    public void filter(FilterChain chain, RoutingRequest req, RoutingResponse res) {
        String path = req.path().path();
        if (!path.startsWith(HttpAdapters.API_ROOT) && !path.equals("/skill.md")) {
            chain.proceed();
            return;
        }
        long start = System.nanoTime();
        securityHeaders(res);
        Method method = req.prologue().method();
        String ip = req.remotePeer().address() instanceof InetSocketAddress a ? a.getAddress().getHostAddress() : "?";
        try {
            if (cors(req, res, method)) {
                return;
            }
            if (req.headers().contentLength().orElse(0) > Exchange.MAX_BODY) {
                throw ApiProblem.tooLarge(Exchange.MAX_BODY);
            }
            limits.spend("ip:" + ip, RateLimits.bucketOf(method, path));
            decodable(req);
            chain.proceed();
        } catch (ApiProblem p) {
            // Thrown before routing, so the routing's error handlers are not in the way yet.
            Problems.send(res, p);
        } finally {
            if (res.status().code() != 413) {
                drain(req);
            }
            long nanos = System.nanoTime() - start;
            int status = res.status().code();
            String family = families.of(path);
            if (method == Method.GET && heldRead(req)) {
                family += "?wait"; // held on purpose: kept apart from the latency of ordinary requests
            }
            metrics.record(method.text(), family, status, nanos);
            LOG.info("{} {} {} {} {}ms ip={}", method.text(), family, path, status, nanos / 1_000_000, ip);
        }
    }

    private static boolean heldRead(RoutingRequest req) {
        try {
            return req.query().contains("wait");
        } catch (RuntimeException undecodable) {
            return false;
        }
    }

    /**
     * Decodes the whole query once, here: Helidon decodes it lazily and throws from whichever handler
     * reads it first ({@code ?limit=%} fails with StringIndexOutOfBoundsException, {@code %zz} with
     * IllegalArgumentException), so a handler would otherwise turn a client's typo into a 500.
     */
    private static void decodable(RoutingRequest req) {
        try {
            for (String name : req.query().names()) {
                req.query().all(name);
            }
        } catch (RuntimeException e) {
            throw ApiProblem.invalid("query", "not valid percent-encoded UTF-8");
        }
    }

    /**
     * Reads what no handler read of the body (a GET with one, a refused request), at most the body limit:
     * Helidon closes a {@code Connection: close} exchange with those bytes unread, the kernel then resets
     * the connection, and the client can lose the answer already written (the fuzzer saw it once in 10^5).
     */
    private static void drain(RoutingRequest req) {
        try {
            if (req.content().hasEntity() && !req.content().consumed()) {
                req.content().inputStream().readNBytes(Exchange.MAX_BODY + 1);
            }
        } catch (IOException | RuntimeException e) {
            // the answer is out; a client that broke its framing gets nothing more
        }
    }

    /** Also called by {@link Problems}: Helidon clears headers before an error handler writes. */
    static void securityHeaders(io.helidon.webserver.http.ServerResponse res) {
        for (Header h : SECURITY_HEADERS) {
            res.header(h);
        }
    }

    /** CORS headers again, for answers written by an error handler. */
    void corsOnError(io.helidon.webserver.http.ServerRequest req, io.helidon.webserver.http.ServerResponse res) {
        Optional<String> sent;
        try {
            sent = RequestHeaders.single(req.headers(), ORIGIN);
        } catch (ApiProblem repeated) {
            return; // the problem being written is the answer; a repeated Origin earns no CORS headers
        }
        sent.filter(corsOrigins::contains).ifPresent(origin -> {
            res.header("Access-Control-Allow-Origin", origin);
            res.header("Vary", "Origin");
            res.header("Access-Control-Expose-Headers", "Retry-After, Idempotent-Replayed");
        });
    }

    /** Adds CORS headers for allowed origins; answers a preflight itself (true). */
    private boolean cors(RoutingRequest req, RoutingResponse res, Method method) {
        String origin = RequestHeaders.single(req.headers(), ORIGIN).orElse(null);
        boolean allowed = origin != null && corsOrigins.contains(origin);
        if (allowed) {
            res.header("Access-Control-Allow-Origin", origin);
            res.header("Vary", "Origin");
            res.header("Access-Control-Expose-Headers", "Retry-After, Idempotent-Replayed");
        }
        if (method == Method.OPTIONS && origin != null) {
            if (allowed) {
                res.header("Access-Control-Allow-Methods", "GET, POST, PUT, DELETE");
                res.header("Access-Control-Allow-Headers",
                        "Authorization, Content-Type, X-Timestamp, X-Nonce, Idempotency-Key, X-Moltbook-Identity");
                res.header("Access-Control-Max-Age", "600");
            }
            if (!allowed) {
                throw ApiProblem.forbidden("origin-not-allowed", "this origin is not on the CORS allow-list");
            }
            res.status(Status.NO_CONTENT_204).send();
            return true;
        }
        return false;
    }
}
