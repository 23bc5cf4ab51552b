package io.moldtank.adapters.persistence;

import io.moldtank.ports.contract.IdempotencyStoreContract;
import io.moldtank.ports.contract.TestClock;
import io.moldtank.ports.out.guard.IdempotencyStore;
import java.time.Duration;

/** The idempotency contract on the real Redis. Redis keeps the time here, so time passes for real. */
class RedisIdempotencyStoreTest implements IdempotencyStoreContract {

    static PersistenceAdapters.RedisStore store() {
        return TestServers.sharedRedis(RedisIdempotencyStoreTest.class);
    }

    @Override
    public IdempotencyStore newStore(TestClock clock) {
        return store().idempotencyStore();
    }

    @Override
    public Duration ttl() {
        return Duration.ofMillis(500); // room for a busy machine between two calls
    }

    @Override
    public void letTimePass(TestClock clock, Duration duration) {
        TestServers.sleep(duration);
    }
}
