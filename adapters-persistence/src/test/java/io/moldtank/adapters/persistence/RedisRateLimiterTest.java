package io.moldtank.adapters.persistence;

import io.moldtank.ports.contract.RateLimiterContract;
import io.moldtank.ports.out.guard.RateLimiter;
import java.time.Clock;

/** The token-bucket contract on the real Redis. */
class RedisRateLimiterTest implements RateLimiterContract {

    private static PersistenceAdapters.RedisStore store;

    static synchronized PersistenceAdapters.RedisStore store() {
        if (store == null) {
            store = TestServers.redis(RedisRateLimiterTest.class, TestServers.redisPrefix(RedisRateLimiterTest.class));
        }
        return store;
    }

    @Override
    public RateLimiter newLimiter(Clock clock) {
        return store().rateLimiter(clock);
    }
}
