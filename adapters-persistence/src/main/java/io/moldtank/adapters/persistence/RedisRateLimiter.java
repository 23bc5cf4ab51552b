package io.moldtank.adapters.persistence;

import io.lettuce.core.RedisException;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.sync.RedisCommands;
import io.moldtank.ports.out.guard.GuardUnavailableException;
import io.moldtank.ports.out.guard.RateLimiter;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * Token buckets in Redis hashes, each take one Lua script (token-bucket.lua), so concurrent takes
 * never overdraw. Time comes from the injected Clock: app nodes must keep their clocks in step
 * (NTP), as they must for leases; a skew only shifts refills by that much.
 */
final class RedisRateLimiter implements RateLimiter {

    private static final RedisScript TAKE = RedisScript.load("token-bucket");

    private final RedisCommands<String, String> redis;
    private final String prefix;
    private final Clock clock;

    RedisRateLimiter(RedisCommands<String, String> redis, String prefix, Clock clock) {
        this.redis = redis;
        this.prefix = prefix;
        this.clock = clock;
    }

    @Override
    public Decision tryTake(String key, BucketSpec spec) {
        return tryTake(key, spec, CallTokens.next());
    }

    /**
     * With this call's id given, as a call Lettuce re-sends after a reconnect carries the same one:
     * the bucket remembers its last call and answers a re-send without taking a second token.
     */
    Decision tryTake(String key, BucketSpec spec, String callId) {
        RateLimiter.checkKey(key);
        try {
            List<Long> r = TAKE.run(redis, ScriptOutputType.MULTI, new String[] {prefix + ":bucket:" + key},
                    Long.toString(clock.millis()), Long.toString(spec.capacity()), Long.toString(spec.refillPerMinute()),
                    callId);
            return new Decision(r.get(0) == 1, r.get(1), Duration.ofMillis(r.get(2)));
        } catch (RedisException e) {
            throw new GuardUnavailableException("Redis rate limit failed: " + e.getMessage(), e);
        }
    }
}
