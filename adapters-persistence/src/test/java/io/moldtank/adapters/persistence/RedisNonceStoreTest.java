package io.moldtank.adapters.persistence;

import io.moldtank.ports.contract.NonceStoreContract;
import io.moldtank.ports.contract.TestClock;
import io.moldtank.ports.out.guard.NonceStore;
import java.time.Duration;

/** The nonce contract on the real Redis. Redis keeps the time here, so time passes for real. */
class RedisNonceStoreTest implements NonceStoreContract {

    private static PersistenceAdapters.RedisStore store;

    static synchronized PersistenceAdapters.RedisStore store() {
        if (store == null) {
            store = TestServers.redis(RedisNonceStoreTest.class, TestServers.redisPrefix(RedisNonceStoreTest.class));
        }
        return store;
    }

    @Override
    public NonceStore newStore(TestClock clock) {
        return store().nonceStore();
    }

    @Override
    public Duration ttl() {
        return Duration.ofMillis(300);
    }

    @Override
    public void letTimePass(TestClock clock, Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
