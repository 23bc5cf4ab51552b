package io.moldtank.adapters.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import io.moldtank.ports.contract.NonceStoreContract;
import io.moldtank.ports.contract.TestClock;
import io.moldtank.ports.out.guard.NonceStore;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The nonce contract on the real Redis. Redis keeps the time here, so time passes for real. */
class RedisNonceStoreTest implements NonceStoreContract {

    static PersistenceAdapters.RedisStore store() {
        return TestServers.sharedRedis(RedisNonceStoreTest.class);
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
        TestServers.sleep(duration);
    }

    @Test
    void the_same_call_re_sent_after_a_reconnect_is_still_the_first_use_but_another_call_is_a_replay() {
        RedisNonceStore nonces = (RedisNonceStore) store().nonceStore();
        String nonce = "resent-" + UUID.randomUUID();
        assertThat(nonces.firstUse(nonce, Duration.ofSeconds(30), "call-1")).isTrue();
        assertThat(nonces.firstUse(nonce, Duration.ofSeconds(30), "call-1")).as("re-sent").isTrue();
        assertThat(nonces.firstUse(nonce, Duration.ofSeconds(30), "call-2")).as("a replay").isFalse();
        assertThat(nonces.firstUse(nonce, Duration.ofSeconds(30))).as("a replay").isFalse();
    }
}
