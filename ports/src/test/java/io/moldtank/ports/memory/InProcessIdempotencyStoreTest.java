package io.moldtank.ports.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.moldtank.ports.contract.TestClock;
import io.moldtank.ports.out.guard.IdempotencyStore;
import io.moldtank.ports.out.guard.IdempotencyStore.Claim;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class InProcessIdempotencyStoreTest {
    private final TestClock clock = new TestClock();
    private final InProcessIdempotencyStore store = new InProcessIdempotencyStore(clock);
    private static final Duration TTL = Duration.ofMinutes(1);

    @Test
    void of_concurrent_first_claims_exactly_one_is_fresh_and_the_rest_see_it_in_flight() throws Exception {
        List<Callable<Claim>> calls = new ArrayList<>();
        for (int i = 0; i < 32; i++) {
            calls.add(() -> store.claim("k", "f", TTL));
        }
        List<Claim> claims = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
            for (Future<Claim> f : pool.invokeAll(calls)) {
                claims.add(f.get());
            }
        }
        assertThat(claims.stream().filter(c -> c instanceof Claim.Fresh)).hasSize(1);
        assertThat(claims.stream().filter(c -> c instanceof Claim.InFlight)).hasSize(31);
    }

    @Test
    void a_completed_key_replays_for_the_same_request_and_refuses_another() {
        store.claim("k", "f", TTL);
        store.complete("k", new IdempotencyStore.Stored(201, "application/json", new byte[]{1, 2}), TTL);
        assertThat(store.claim("k", "f", TTL)).isInstanceOfSatisfying(Claim.Replay.class,
                r -> assertThat(r.answer().body()).containsExactly(1, 2));
        assertThat(store.claim("k", "other", TTL)).isInstanceOf(Claim.Mismatch.class);
    }

    @Test
    void a_released_or_lapsed_claim_can_be_claimed_again_but_a_completed_one_is_not_released() {
        store.claim("a", "f", TTL);
        store.release("a");
        assertThat(store.claim("a", "g", TTL)).isInstanceOf(Claim.Fresh.class);
        store.claim("b", "f", TTL);
        clock.advance(TTL.plusSeconds(1));
        assertThat(store.claim("b", "f", TTL)).isInstanceOf(Claim.Fresh.class);
        store.complete("b", new IdempotencyStore.Stored(200, "application/json", new byte[0]), TTL);
        store.release("b");
        assertThat(store.claim("b", "f", TTL)).isInstanceOf(Claim.Replay.class);
    }

    @Test
    void blank_keys_and_non_positive_ttls_are_refused() {
        assertThatThrownBy(() -> store.claim("", "f", TTL)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.claim("k", "f", Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
    }
}
