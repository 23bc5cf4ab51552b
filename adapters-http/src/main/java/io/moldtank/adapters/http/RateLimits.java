package io.moldtank.adapters.http;

import io.helidon.http.Method;
import io.moldtank.ports.out.guard.RateLimiter;
import io.moldtank.ports.out.guard.RateLimiter.BucketSpec;

/**
 * The token buckets of seed 003: discovery (listing bounties) 60 / 20 per min, read 120 / 60 per min,
 * write 30 / 10 per min. Every request spends from its caller IP's bucket; a signed request also spends
 * from its agent's bucket once the signature is verified (never for an unverified id, or anyone could
 * drain a victim's bucket).
 */
final class RateLimits {
    enum Bucket {
        DISCOVERY(new BucketSpec(60, 20)), READ(new BucketSpec(120, 60)), WRITE(new BucketSpec(30, 10));

        final BucketSpec spec;

        Bucket(BucketSpec spec) {
            this.spec = spec;
        }
    }

    private final RateLimiter limiter;

    RateLimits(RateLimiter limiter) {
        this.limiter = limiter;
    }

    static Bucket bucketOf(Method method, String path) {
        if (method == Method.GET || method == Method.HEAD) {
            return path.equals("/api/v1/bounties") || path.equals("/api/v1/bounties/") ? Bucket.DISCOVERY : Bucket.READ;
        }
        return Bucket.WRITE;
    }

    void spend(String caller, Bucket bucket) {
        RateLimiter.Decision d = limiter.tryTake(caller + ":" + bucket.name().toLowerCase(java.util.Locale.ROOT),
                bucket.spec);
        if (!d.allowed()) {
            long seconds = Math.max(1, (d.retryAfter().toMillis() + 999) / 1000);
            throw ApiProblem.tooMany(bucket.name().toLowerCase(java.util.Locale.ROOT), seconds);
        }
    }
}
