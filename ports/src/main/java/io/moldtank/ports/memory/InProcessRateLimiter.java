package io.moldtank.ports.memory;

import io.moldtank.ports.out.guard.RateLimiter;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Token buckets in a concurrent map; each take is one atomic {@code compute} on its key.
 * Levels are kept in integer units of 1/60000 token, so a refill of R tokens per minute adds
 * exactly R units per millisecond (the Redis script uses the same arithmetic).
 */
public final class InProcessRateLimiter implements RateLimiter {

    static final long UNITS_PER_TOKEN = 60_000;
    private static final int SWEEP_EVERY = 4096;

    private final Clock clock;
    private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();
    private final AtomicLong calls = new AtomicLong();

    public InProcessRateLimiter(Clock clock) {
        this.clock = clock;
    }

    @Override
    public Decision tryTake(String key, BucketSpec spec) {
        RateLimiter.checkKey(key);
        long now = clock.millis();
        AtomicReference<Decision> decision = new AtomicReference<>();
        buckets.compute(key, (k, bucket) -> {
            long capacityUnits = spec.capacity() * UNITS_PER_TOKEN;
            long level = bucket == null ? capacityUnits : refilled(bucket, now, spec.refillPerMinute(), capacityUnits);
            long last = bucket == null ? now : Math.max(bucket.lastMillis, now);
            if (level >= UNITS_PER_TOKEN) {
                level -= UNITS_PER_TOKEN;
                decision.set(new Decision(true, level / UNITS_PER_TOKEN, Duration.ZERO));
            } else {
                long waitMillis = ceilDiv(UNITS_PER_TOKEN - level, spec.refillPerMinute());
                decision.set(new Decision(false, 0, Duration.ofMillis(waitMillis)));
            }
            return new Bucket(level, last, capacityUnits, spec.refillPerMinute());
        });
        if (calls.incrementAndGet() % SWEEP_EVERY == 0) {
            buckets.values().removeIf(b -> refilled(b, now, b.refillPerMinute, b.capacityUnits) >= b.capacityUnits);
        }
        return decision.get();
    }

    private static long refilled(Bucket bucket, long now, long refillPerMinute, long capacityUnits) {
        long elapsed = Math.max(0, now - bucket.lastMillis);
        if (elapsed >= ceilDiv(capacityUnits, refillPerMinute)) {
            return capacityUnits;
        }
        return Math.min(capacityUnits, bucket.levelUnits + elapsed * refillPerMinute);
    }

    private static long ceilDiv(long a, long b) {
        return -Math.floorDiv(-a, b);
    }

    private record Bucket(long levelUnits, long lastMillis, long capacityUnits, long refillPerMinute) {
    }
}
