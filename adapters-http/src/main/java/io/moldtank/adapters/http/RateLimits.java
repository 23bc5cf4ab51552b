package io.moldtank.adapters.http;

import io.helidon.http.Method;
import io.moldtank.ports.out.guard.RateLimiter;
import io.moldtank.ports.out.guard.RateLimiter.BucketSpec;

/**
 * Token buckets (sizes in {@link HttpAdapters.Buckets}, the seed's by default). Every request spends from its caller IP's bucket; a signed request also spends
 * from its agent's bucket once the signature is verified (never for an unverified id, or anyone could
 * drain a victim's bucket).
 */
final class RateLimits {
    enum Bucket { DISCOVERY, READ, WRITE }

    private final RateLimiter limiter;
    private final HttpAdapters.Buckets sizes;

    RateLimits(RateLimiter limiter, HttpAdapters.Buckets sizes) {
        this.limiter = limiter;
        this.sizes = sizes;
    }

    static Bucket bucketOf(Method method, String path) {
        if (method == Method.GET || method == Method.HEAD) {
            return path.equals("/api/v1/bounties") || path.equals("/api/v1/bounties/")
                    || path.equals(RegistryRoutes.DISCOVER) ? Bucket.DISCOVERY : Bucket.READ;
        }
        return Bucket.WRITE;
    }

    private BucketSpec spec(Bucket bucket) {
        return switch (bucket) {
            case DISCOVERY -> sizes.discovery();
            case READ -> sizes.read();
            case WRITE -> sizes.write();
        };
    }

    void spend(String caller, Bucket bucket) {
        RateLimiter.Decision d = limiter.tryTake(caller + ":" + bucket.name().toLowerCase(java.util.Locale.ROOT),
                spec(bucket));
        if (!d.allowed()) {
            long seconds = Math.max(1, (d.retryAfter().toMillis() + 999) / 1000);
            throw ApiProblem.tooMany(bucket.name().toLowerCase(java.util.Locale.ROOT), seconds);
        }
    }
}
