package io.moldtank.ports.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.moldtank.ports.out.guard.NonceStore;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The {@link NonceStore} contract. Stores that keep time themselves (Redis expiry) override
 * {@link #ttl()} with something short and {@link #letTimePass} with a real sleep.
 */
public interface NonceStoreContract {

    /** A fresh store; {@code clock} is the time source for stores that take one. */
    NonceStore newStore(TestClock clock);

    default Duration ttl() {
        return Duration.ofSeconds(30);
    }

    default void letTimePass(TestClock clock, Duration duration) {
        clock.advance(duration);
    }

    private static String nonce() {
        return "n-" + UUID.randomUUID();
    }

    @Test
    default void a_nonce_is_accepted_the_first_time() {
        assertThat(newStore(new TestClock()).firstUse(nonce(), ttl())).isTrue();
    }

    @Test
    default void a_replayed_nonce_is_refused_within_its_ttl() {
        TestClock clock = new TestClock();
        NonceStore store = newStore(clock);
        String nonce = nonce();
        store.firstUse(nonce, ttl());
        letTimePass(clock, ttl().dividedBy(3));
        assertThat(store.firstUse(nonce, ttl())).isFalse();
    }

    @Test
    default void a_nonce_is_accepted_again_once_its_ttl_has_passed() {
        TestClock clock = new TestClock();
        NonceStore store = newStore(clock);
        String nonce = nonce();
        store.firstUse(nonce, ttl());
        letTimePass(clock, ttl().plusMillis(50));
        assertThat(store.firstUse(nonce, ttl())).isTrue();
        assertThat(store.firstUse(nonce, ttl())).isFalse();
    }

    @Test
    default void different_nonces_do_not_affect_each_other() {
        NonceStore store = newStore(new TestClock());
        String a = nonce();
        store.firstUse(a, ttl());
        assertThat(store.firstUse(nonce(), ttl())).isTrue();
        assertThat(store.firstUse(a, ttl())).isFalse();
    }

    @Test
    default void of_concurrent_first_uses_exactly_one_wins() throws Exception {
        NonceStore store = newStore(new TestClock());
        String nonce = nonce();
        List<Boolean> results = Concurrently.run(16, i -> store.firstUse(nonce, ttl()));
        assertThat(results).containsOnlyOnce(true);
    }

    @Test
    default void blank_over_long_nonces_and_non_positive_ttls_are_refused() {
        NonceStore store = newStore(new TestClock());
        String longest = "x".repeat(NonceStore.MAX_NONCE_LENGTH);
        assertThat(store.firstUse(longest, ttl())).isTrue();
        assertThatThrownBy(() -> store.firstUse(longest + "x", ttl())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.firstUse("", ttl())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.firstUse(nonce(), Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
    }
}
