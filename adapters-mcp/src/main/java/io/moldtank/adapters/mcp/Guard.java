package io.moldtank.adapters.mcp;

import io.moldtank.ports.out.guard.RateLimiter;
import java.util.Locale;

/**
 * Spends a tool call from the caller IP's bucket and, when signed, its agent's: the keys the REST API uses
 * ({@code ip:<ip>:read}, {@code agent:<id>:write}), so the same agent shares one budget over both doors.
 */
final class Guard {
    enum Bucket { DISCOVERY, READ, WRITE }

    private final RateLimiter limiter;
    private final McpAdapters.Buckets sizes;

    Guard(RateLimiter limiter, McpAdapters.Buckets sizes) {
        this.limiter = limiter;
        this.sizes = sizes;
    }

    void spend(Caller caller, Bucket bucket) {
        take("ip:" + caller.ip(), bucket);
        if (caller.agent() != null) {
            take("agent:" + caller.agent(), bucket);
        }
    }

    private void take(String who, Bucket bucket) {
        RateLimiter.BucketSpec spec = switch (bucket) {
            case DISCOVERY -> sizes.discovery();
            case READ -> sizes.read();
            case WRITE -> sizes.write();
        };
        String name = bucket.name().toLowerCase(Locale.ROOT);
        RateLimiter.Decision d = limiter.tryTake(who + ":" + name, spec);
        if (!d.allowed()) {
            long seconds = Math.max(1, (d.retryAfter().toMillis() + 999) / 1000);
            throw new ToolRefusal("rate-limited", "the " + name + " bucket is empty; retry after " + seconds + " s",
                    seconds);
        }
    }
}
