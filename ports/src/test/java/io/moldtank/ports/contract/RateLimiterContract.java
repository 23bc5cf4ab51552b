package io.moldtank.ports.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.moldtank.ports.out.guard.RateLimiter;
import io.moldtank.ports.out.guard.RateLimiter.BucketSpec;
import io.moldtank.ports.out.guard.RateLimiter.Decision;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AddLifecycleHook;
import org.junit.jupiter.api.Test;

/**
 * The {@link RateLimiter} contract. Every adapter keeps levels in whole units of 1/60000 token,
 * so its decisions equal the integer model in {@link #model} exactly.
 */
public interface RateLimiterContract {

    /** A fresh limiter reading time from {@code clock}. */
    RateLimiter newLimiter(Clock clock);

    /** Three tokens, one back per second. */
    BucketSpec THREE_PER_SECOND = new BucketSpec(3, 60);

    private static String key() {
        return "caller-" + UUID.randomUUID() + ":write";
    }

    @Test
    default void a_fresh_bucket_allows_its_capacity_and_counts_down() {
        RateLimiter limiter = newLimiter(new TestClock());
        String key = key();
        assertThat(limiter.tryTake(key, THREE_PER_SECOND)).isEqualTo(new Decision(true, 2, Duration.ZERO));
        assertThat(limiter.tryTake(key, THREE_PER_SECOND)).isEqualTo(new Decision(true, 1, Duration.ZERO));
        assertThat(limiter.tryTake(key, THREE_PER_SECOND)).isEqualTo(new Decision(true, 0, Duration.ZERO));
    }

    @Test
    default void an_empty_bucket_refuses_and_says_when_a_token_is_back() {
        TestClock clock = new TestClock();
        RateLimiter limiter = newLimiter(clock);
        String key = key();
        for (int i = 0; i < 3; i++) {
            limiter.tryTake(key, THREE_PER_SECOND);
        }
        assertThat(limiter.tryTake(key, THREE_PER_SECOND)).isEqualTo(new Decision(false, 0, Duration.ofSeconds(1)));
        clock.advance(Duration.ofMillis(400));
        assertThat(limiter.tryTake(key, THREE_PER_SECOND)).isEqualTo(new Decision(false, 0, Duration.ofMillis(600)));
    }

    @Test
    default void tokens_come_back_at_the_refill_rate() {
        TestClock clock = new TestClock();
        RateLimiter limiter = newLimiter(clock);
        String key = key();
        for (int i = 0; i < 3; i++) {
            limiter.tryTake(key, THREE_PER_SECOND);
        }
        clock.advance(Duration.ofSeconds(1));
        assertThat(limiter.tryTake(key, THREE_PER_SECOND).allowed()).isTrue();
        assertThat(limiter.tryTake(key, THREE_PER_SECOND).allowed()).isFalse();
        clock.advance(Duration.ofSeconds(2));
        assertThat(limiter.tryTake(key, THREE_PER_SECOND)).isEqualTo(new Decision(true, 1, Duration.ZERO));
    }

    @Test
    default void refill_stops_at_capacity() {
        TestClock clock = new TestClock();
        RateLimiter limiter = newLimiter(clock);
        String key = key();
        limiter.tryTake(key, THREE_PER_SECOND);
        clock.advance(Duration.ofHours(5));
        long allowed = 0;
        for (int i = 0; i < 10; i++) {
            allowed += limiter.tryTake(key, THREE_PER_SECOND).allowed() ? 1 : 0;
        }
        assertThat(allowed).isEqualTo(3);
    }

    @Test
    default void keys_have_independent_buckets() {
        RateLimiter limiter = newLimiter(new TestClock());
        String a = key();
        for (int i = 0; i < 3; i++) {
            limiter.tryTake(a, THREE_PER_SECOND);
        }
        assertThat(limiter.tryTake(a, THREE_PER_SECOND).allowed()).isFalse();
        assertThat(limiter.tryTake(key(), THREE_PER_SECOND)).isEqualTo(new Decision(true, 2, Duration.ZERO));
    }

    @Test
    default void concurrent_takes_allow_exactly_the_capacity() throws Exception {
        RateLimiter limiter = newLimiter(new TestClock());
        String key = key();
        BucketSpec fifty = new BucketSpec(50, 1);
        List<Long> allowed = Concurrently.run(16, t -> {
            long mine = 0;
            for (int i = 0; i < 10; i++) {
                mine += limiter.tryTake(key, fifty).allowed() ? 1 : 0;
            }
            return mine;
        });
        assertThat(allowed.stream().mapToLong(Long::longValue).sum()).isEqualTo(50);
    }

    @Test
    default void blank_and_over_long_keys_are_refused() {
        RateLimiter limiter = newLimiter(new TestClock());
        assertThatThrownBy(() -> limiter.tryTake("", THREE_PER_SECOND)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> limiter.tryTake("k".repeat(RateLimiter.MAX_KEY_LENGTH + 1), THREE_PER_SECOND))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(limiter.tryTake("k".repeat(RateLimiter.MAX_KEY_LENGTH), THREE_PER_SECOND).allowed()).isTrue();
    }

    @AddLifecycleHook(SkipWhenServerMissing.class)
    @Property(tries = 40)
    default void decisions_follow_the_token_bucket_model_for_any_schedule(
            @ForAll("specs") BucketSpec spec, @ForAll("gaps") List<Integer> gapsMillis) {
        TestClock clock = new TestClock();
        RateLimiter limiter = newLimiter(clock);
        String key = key();
        long[] model = {spec.capacity() * 60_000, clock.millis()};
        for (int gap : gapsMillis) {
            clock.advance(Duration.ofMillis(gap));
            assertThat(limiter.tryTake(key, spec)).isEqualTo(model(model, clock.millis(), spec));
        }
    }

    @Provide
    default Arbitrary<BucketSpec> specs() {
        return Arbitraries.longs().between(1, 20).flatMap(c -> Arbitraries.longs().between(1, 600)
                .map(r -> new BucketSpec(c, r)));
    }

    @Provide
    default Arbitrary<List<Integer>> gaps() {
        return Arbitraries.integers().between(0, 3000).list().ofMaxSize(40);
    }

    /** The integer token bucket: state is {level in 1/60000 tokens, last time in ms}. */
    static Decision model(long[] state, long now, BucketSpec spec) {
        long capacity = spec.capacity() * 60_000;
        long level = Math.min(capacity, state[0] + Math.max(0, now - state[1]) * spec.refillPerMinute());
        state[1] = Math.max(state[1], now);
        if (level >= 60_000) {
            state[0] = level - 60_000;
            return new Decision(true, state[0] / 60_000, Duration.ZERO);
        }
        state[0] = level;
        long wait = (60_000 - level + spec.refillPerMinute() - 1) / spec.refillPerMinute();
        return new Decision(false, 0, Duration.ofMillis(wait));
    }
}
