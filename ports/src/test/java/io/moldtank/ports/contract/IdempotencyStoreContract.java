package io.moldtank.ports.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.moldtank.ports.out.guard.IdempotencyStore;
import io.moldtank.ports.out.guard.IdempotencyStore.Claim;
import io.moldtank.ports.out.guard.IdempotencyStore.Stored;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The {@link IdempotencyStore} contract. Stores that keep time themselves (Redis expiry) override
 * {@link #ttl()} with something short and {@link #letTimePass} with a real sleep.
 */
public interface IdempotencyStoreContract {

    /** A fresh store; {@code clock} is the time source for stores that take one. */
    IdempotencyStore newStore(TestClock clock);

    default Duration ttl() {
        return Duration.ofMinutes(2);
    }

    default void letTimePass(TestClock clock, Duration duration) {
        clock.advance(duration);
    }

    private static String key() {
        return "idem:agent-1:" + UUID.randomUUID();
    }

    /** Bytes that are not valid UTF-8, so a store that keeps text must encode them. */
    private static Stored created() {
        return new Stored(201, "application/json", new byte[] {'{', 0, -1, (byte) 0x80, (byte) 0xC3, '}'});
    }

    @Test
    default void a_first_claim_is_fresh() {
        assertThat(newStore(new TestClock()).claim(key(), "POST /bounties abc", ttl())).isInstanceOf(Claim.Fresh.class);
    }

    @Test
    default void a_claim_not_yet_completed_is_in_flight_for_the_same_request() {
        IdempotencyStore store = newStore(new TestClock());
        String key = key();
        store.claim(key, "f", ttl());
        assertThat(store.claim(key, "f", ttl())).isInstanceOf(Claim.InFlight.class);
    }

    @Test
    default void a_completed_key_replays_status_content_type_and_exact_body_bytes() {
        IdempotencyStore store = newStore(new TestClock());
        String key = key();
        store.claim(key, "f", ttl());
        store.complete(key, created(), ttl());
        assertThat(store.claim(key, "f", ttl())).isInstanceOfSatisfying(Claim.Replay.class, r -> {
            assertThat(r.answer().status()).isEqualTo(201);
            assertThat(r.answer().contentType()).isEqualTo("application/json");
            assertThat(r.answer().body()).containsExactly(created().body());
        });
        assertThat(store.claim(key, "f", ttl())).isInstanceOf(Claim.Replay.class);
    }

    @Test
    default void an_empty_body_replays_as_empty() {
        IdempotencyStore store = newStore(new TestClock());
        String key = key();
        store.claim(key, "f", ttl());
        store.complete(key, new Stored(200, "text/plain", new byte[0]), ttl());
        assertThat(store.claim(key, "f", ttl())).isInstanceOfSatisfying(Claim.Replay.class,
                r -> assertThat(r.answer().body()).isEmpty());
    }

    @Test
    default void the_same_key_for_another_request_is_a_mismatch_in_flight_or_completed() {
        IdempotencyStore store = newStore(new TestClock());
        String key = key();
        store.claim(key, "f", ttl());
        assertThat(store.claim(key, "other", ttl())).isInstanceOf(Claim.Mismatch.class);
        store.complete(key, created(), ttl());
        assertThat(store.claim(key, "other", ttl())).isInstanceOf(Claim.Mismatch.class);
    }

    @Test
    default void a_released_claim_may_be_claimed_afresh_even_for_another_request() {
        IdempotencyStore store = newStore(new TestClock());
        String key = key();
        store.claim(key, "f", ttl());
        store.release(key);
        assertThat(store.claim(key, "g", ttl())).isInstanceOf(Claim.Fresh.class);
    }

    @Test
    default void releasing_a_completed_key_keeps_its_answer() {
        IdempotencyStore store = newStore(new TestClock());
        String key = key();
        store.claim(key, "f", ttl());
        store.complete(key, created(), ttl());
        store.release(key);
        assertThat(store.claim(key, "f", ttl())).isInstanceOf(Claim.Replay.class);
    }

    @Test
    default void completing_or_releasing_a_key_nobody_claimed_stores_nothing() {
        IdempotencyStore store = newStore(new TestClock());
        String key = key();
        store.complete(key, created(), ttl());
        store.release(key());
        assertThat(store.claim(key, "f", ttl())).isInstanceOf(Claim.Fresh.class);
    }

    @Test
    default void an_uncompleted_claim_lapses_after_its_ttl() {
        TestClock clock = new TestClock();
        IdempotencyStore store = newStore(clock);
        String key = key();
        store.claim(key, "f", ttl());
        letTimePass(clock, ttl().dividedBy(3));
        assertThat(store.claim(key, "f", ttl())).isInstanceOf(Claim.InFlight.class);
        letTimePass(clock, ttl().plusMillis(50));
        assertThat(store.claim(key, "other", ttl())).isInstanceOf(Claim.Fresh.class);
    }

    @Test
    default void a_completed_answer_is_kept_for_the_ttl_given_on_completion() {
        TestClock clock = new TestClock();
        IdempotencyStore store = newStore(clock);
        String key = key();
        store.claim(key, "f", ttl());
        store.complete(key, created(), ttl().multipliedBy(3));
        letTimePass(clock, ttl().plusMillis(50));
        assertThat(store.claim(key, "f", ttl())).as("kept past the claim's ttl").isInstanceOf(Claim.Replay.class);
        letTimePass(clock, ttl().multipliedBy(2));
        assertThat(store.claim(key, "f", ttl())).as("gone after the completion's ttl").isInstanceOf(Claim.Fresh.class);
    }

    @Test
    default void different_keys_do_not_affect_each_other() {
        IdempotencyStore store = newStore(new TestClock());
        String a = key();
        store.claim(a, "f", ttl());
        assertThat(store.claim(key(), "f", ttl())).isInstanceOf(Claim.Fresh.class);
        assertThat(store.claim(a, "f", ttl())).isInstanceOf(Claim.InFlight.class);
    }

    @Test
    default void of_concurrent_first_claims_exactly_one_is_fresh_and_the_rest_see_it_in_flight() throws Exception {
        IdempotencyStore store = newStore(new TestClock());
        String key = key();
        List<Claim> claims = Concurrently.run(16, i -> store.claim(key, "f", ttl()));
        assertThat(claims).filteredOn(c -> c instanceof Claim.Fresh).hasSize(1);
        assertThat(claims).filteredOn(c -> c instanceof Claim.InFlight).hasSize(15);
    }

    @Test
    default void blank_over_long_keys_missing_fingerprints_and_non_positive_ttls_are_refused() {
        IdempotencyStore store = newStore(new TestClock());
        String longest = "k".repeat(IdempotencyStore.MAX_KEY_LENGTH - 36) + UUID.randomUUID();
        assertThat(store.claim(longest, "f", ttl())).isInstanceOf(Claim.Fresh.class);
        assertThatThrownBy(() -> store.claim(longest + "x", "f", ttl())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.claim("", "f", ttl())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.claim(key(), null, ttl())).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> store.claim(key(), "f", Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.complete(key(), created(), Duration.ofMillis(-1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
