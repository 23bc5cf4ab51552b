package io.moldtank.adapters.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import io.moldtank.ports.contract.RateLimiterContract;
import io.moldtank.ports.out.guard.RateLimiter;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The token-bucket contract on the real Redis. */
class RedisRateLimiterTest implements RateLimiterContract {

    static PersistenceAdapters.RedisStore store() {
        return TestServers.sharedRedis(RedisRateLimiterTest.class);
    }

    @Override
    public RateLimiter newLimiter(Clock clock) {
        return store().rateLimiter(clock);
    }

    @Test
    void a_take_re_sent_after_a_reconnect_gets_its_first_answer_without_a_second_token() {
        RedisRateLimiter limiter = (RedisRateLimiter) store().rateLimiter(
                Clock.fixed(Instant.parse("2026-11-24T12:00:00Z"), ZoneOffset.UTC));
        RateLimiter.BucketSpec two = new RateLimiter.BucketSpec(2, 1);
        String key = "resent-" + UUID.randomUUID();
        RateLimiter.Decision first = limiter.tryTake(key, two, "call-1");
        assertThat(limiter.tryTake(key, two, "call-1")).as("re-sent").isEqualTo(first);
        assertThat(first.allowed()).isTrue();
        assertThat(limiter.tryTake(key, two, "call-2").allowed()).as("the second token").isTrue();
        assertThat(limiter.tryTake(key, two, "call-3").allowed()).as("none left").isFalse();
    }
}
