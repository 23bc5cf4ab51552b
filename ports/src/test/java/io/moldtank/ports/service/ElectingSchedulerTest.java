package io.moldtank.ports.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.moldtank.ports.contract.TestClock;
import io.moldtank.ports.memory.InMemoryReconciliation;
import io.moldtank.ports.memory.InMemoryStorage;
import io.moldtank.ports.out.storage.Leases;
import io.moldtank.ports.service.ElectingScheduler.Change;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** One node leads the periodic work; a dead leader is replaced within a TTL, with a higher fence. */
class ElectingSchedulerTest {
    private static final Duration TTL = Duration.ofSeconds(9);
    private final TestClock clock = new TestClock();
    private final InMemoryReconciliation leases = new InMemoryReconciliation(new InMemoryStorage());

    private ElectingScheduler node(String name) {
        return new ElectingScheduler(leases, clock, name, TTL);
    }

    @Test
    void the_first_node_to_beat_leads_and_the_others_follow_while_it_renews() {
        ElectingScheduler a = node("a");
        ElectingScheduler b = node("b");
        assertThat(a.heartbeat()).isEqualTo(Change.ELECTED);
        assertThat(b.heartbeat()).isEqualTo(Change.FOLLOWING);
        for (int i = 0; i < 10; i++) {
            clock.advance(a.heartbeatInterval());
            assertThat(a.heartbeat()).isEqualTo(Change.RENEWED);
            assertThat(b.heartbeat()).isEqualTo(Change.FOLLOWING);
            assertThat(a.leads()).isTrue();
            assertThat(b.leads()).isFalse();
        }
    }

    @Test
    void a_leader_that_stops_beating_is_replaced_after_its_ttl_with_a_higher_fence_and_learns_it_lost() {
        ElectingScheduler a = node("a");
        ElectingScheduler b = node("b");
        a.heartbeat();
        long fence = a.term().orElseThrow().fence();
        clock.advance(TTL.minusMillis(1));
        assertThat(b.heartbeat()).as("not before the TTL").isEqualTo(Change.FOLLOWING);
        assertThat(a.leads()).as("a stopped starting passes a third of the TTL before it ran out").isFalse();
        clock.advance(Duration.ofMillis(1));
        assertThat(b.heartbeat()).isEqualTo(Change.ELECTED);
        assertThat(b.term().orElseThrow().fence()).isGreaterThan(fence);
        assertThat(b.leads()).isTrue();
        assertThat(a.heartbeat()).isEqualTo(Change.LOST);
        assertThat(a.leads()).isFalse();
    }

    @Test
    void a_leader_that_steps_down_is_replaced_at_the_next_heartbeat() {
        ElectingScheduler a = node("a");
        ElectingScheduler b = node("b");
        a.heartbeat();
        a.stepDown();
        assertThat(a.leads()).isFalse();
        assertThat(b.heartbeat()).isEqualTo(Change.ELECTED);
    }

    @Test
    void a_holder_whose_lease_was_taken_and_given_back_meanwhile_starts_a_new_term() {
        ElectingScheduler a = node("a");
        ElectingScheduler b = node("b");
        a.heartbeat();
        long first = a.term().orElseThrow().fence();
        clock.advance(TTL.plusSeconds(1)); // a paused (a long GC, a frozen VM)
        b.heartbeat();
        b.stepDown();
        assertThat(a.heartbeat()).as("b ran in between: a's old term is over").isEqualTo(Change.ELECTED);
        assertThat(a.term().orElseThrow().fence()).isEqualTo(first + 2);
    }

    @Test
    void a_leader_cut_off_from_the_database_stops_on_its_own_clock_before_anyone_can_take_over() {
        AtomicBoolean down = new AtomicBoolean();
        Leases flaky = new Leases() {
            @Override
            public Optional<Lease> tryHold(String name, String holder, Duration ttl, Instant now) {
                if (down.get()) {
                    throw new IllegalStateException("database unreachable");
                }
                return leases.tryHold(name, holder, ttl, now);
            }

            @Override
            public void release(String name, String holder, Instant doneAt) {
                leases.release(name, holder, doneAt);
            }
        };
        ElectingScheduler a = new ElectingScheduler(flaky, clock, "a", TTL);
        ElectingScheduler b = node("b");
        a.heartbeat();
        down.set(true);
        clock.advance(a.heartbeatInterval());
        assertThat(a.heartbeat()).isEqualTo(Change.UNREACHABLE);
        assertThat(a.leads()).as("two thirds of the term left").isTrue();
        clock.advance(a.heartbeatInterval());
        assertThat(a.heartbeat()).isEqualTo(Change.UNREACHABLE);
        assertThat(a.leads()).as("a third left: no new pass").isFalse();
        assertThat(b.heartbeat()).as("and b cannot take it yet").isEqualTo(Change.FOLLOWING);
        clock.advance(a.heartbeatInterval());
        assertThat(b.heartbeat()).isEqualTo(Change.ELECTED);
    }
}
