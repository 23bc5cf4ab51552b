package io.moldtank.ports.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.moldtank.domain.bounty.BountyEvent;
import io.moldtank.domain.bounty.BountyId;
import io.moldtank.ports.in.waiting.AwaitChangeQuery;
import io.moldtank.ports.in.waiting.Awaited;
import io.moldtank.ports.in.waiting.WakeUp;
import io.moldtank.ports.out.events.EventFeed;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.Executors;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class WaitingForChangesTest {
    private static final Set<String> FINAL = Set.of("PASSED", "FAILED");
    private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
    private final Feed feed = new Feed();
    private final BountyId bounty = new BountyId(UUID.randomUUID());
    private final AtomicReference<String> status = new AtomicReference<>("QUEUED");
    private final AtomicInteger reads = new AtomicInteger();

    @AfterEach
    void stop() {
        threads.shutdownNow();
    }

    /** Re-reads every minute at most: only a wake from the feed can end these waits early. */
    private WaitingForChanges fedOnly(int max) {
        return new WaitingForChanges(feed, new WaitingForChanges.Settings(max, Duration.ofMinutes(1),
                Duration.ofMinutes(1)));
    }

    private AwaitChangeQuery<String> query(WakeUp wakeUp, Duration atMost, Set<String> through) {
        return new AwaitChangeQuery<>(wakeUp, atMost, () -> {
            reads.incrementAndGet();
            return status.get();
        }, s -> s, through, FINAL);
    }

    @Test
    void a_waiter_is_woken_by_its_bountys_committed_event_and_answers_the_new_state() throws Exception {
        WaitingForChanges waiting = fedOnly(10);
        Future<Awaited<String>> held = threads.submit(() -> waiting.await(query(WakeUp.onBounty(bounty),
                Duration.ofSeconds(20), Set.of())));
        awaitWaiters(waiting, 1);
        long start = System.nanoTime();
        status.set("VALIDATING");
        feed.publish(bounty);
        Awaited<String> answer = held.get(5, TimeUnit.SECONDS);
        assertThat(answer).isEqualTo(new Awaited<>("VALIDATING", Awaited.Ending.CHANGED));
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
        assertThat(waiting.waiting()).isZero();
    }

    @Test
    void another_bountys_events_do_not_end_the_wait_and_an_unchanged_state_is_read_again_only_when_woken()
            throws Exception {
        WaitingForChanges waiting = fedOnly(10);
        Future<Awaited<String>> held = threads.submit(() -> waiting.await(query(WakeUp.onBounty(bounty),
                Duration.ofMillis(1500), Set.of())));
        awaitWaiters(waiting, 1);
        int before = reads.get();
        feed.publish(new BountyId(UUID.randomUUID()));
        Thread.sleep(100);
        assertThat(reads.get()).isEqualTo(before);
        feed.publish(bounty); // woken, reads, still QUEUED: goes on waiting
        Thread.sleep(100);
        assertThat(reads.get()).isEqualTo(before + 1);
        Awaited<String> answer = held.get(5, TimeUnit.SECONDS); // one last read at the deadline
        assertThat(answer).isEqualTo(new Awaited<>("QUEUED", Awaited.Ending.TIMED_OUT));
    }

    @Test
    void a_value_no_feed_carries_is_re_read_until_it_changes() throws Exception {
        WaitingForChanges waiting = new WaitingForChanges(feed, new WaitingForChanges.Settings(10,
                Duration.ofMillis(20), Duration.ofMinutes(1)));
        Future<Awaited<String>> held = threads.submit(() -> waiting.await(query(WakeUp.byRereading(),
                Duration.ofSeconds(20), Set.of())));
        awaitWaiters(waiting, 1);
        status.set("PASSED");
        assertThat(held.get(5, TimeUnit.SECONDS)).isEqualTo(new Awaited<>("PASSED", Awaited.Ending.CHANGED));
    }

    @Test
    void a_state_outside_the_ones_waited_through_answers_at_once_and_a_settled_one_too() {
        WaitingForChanges waiting = fedOnly(10);
        status.set("VALIDATING");
        assertThat(waiting.await(query(WakeUp.onBounty(bounty), Duration.ofSeconds(20), Set.of("QUEUED"))))
                .isEqualTo(new Awaited<>("VALIDATING", Awaited.Ending.CHANGED));
        status.set("PASSED");
        assertThat(waiting.await(query(WakeUp.onBounty(bounty), Duration.ofSeconds(20), Set.of("PASSED"))))
                .isEqualTo(new Awaited<>("PASSED", Awaited.Ending.SETTLED));
        assertThat(waiting.await(query(WakeUp.onBounty(bounty), Duration.ZERO, Set.of())))
                .isEqualTo(new Awaited<>("PASSED", Awaited.Ending.SETTLED));
    }

    @Test
    void waiting_through_several_states_ends_only_past_all_of_them() throws Exception {
        WaitingForChanges waiting = fedOnly(10);
        Future<Awaited<String>> held = threads.submit(() -> waiting.await(query(WakeUp.onBounty(bounty),
                Duration.ofSeconds(20), Set.of("QUEUED", "VALIDATING"))));
        awaitWaiters(waiting, 1);
        status.set("VALIDATING");
        feed.publish(bounty);
        Thread.sleep(100);
        assertThat(held).isNotDone();
        status.set("FAILED");
        feed.publish(bounty);
        assertThat(held.get(5, TimeUnit.SECONDS)).isEqualTo(new Awaited<>("FAILED", Awaited.Ending.CHANGED));
    }

    @Test
    void past_the_bound_a_waiter_is_told_busy_without_a_read_and_a_freed_slot_serves_again() throws Exception {
        WaitingForChanges waiting = fedOnly(2);
        List<Future<Awaited<String>>> held = List.of(
                threads.submit(() -> waiting.await(query(WakeUp.onBounty(bounty), Duration.ofSeconds(20), Set.of()))),
                threads.submit(() -> waiting.await(query(WakeUp.onBounty(bounty), Duration.ofSeconds(20), Set.of()))));
        awaitWaiters(waiting, 2);
        int before = reads.get();
        assertThat(waiting.await(query(WakeUp.onBounty(bounty), Duration.ofSeconds(20), Set.of())))
                .isEqualTo(new Awaited<String>(null, Awaited.Ending.BUSY));
        assertThat(reads.get()).isEqualTo(before);
        status.set("VALIDATING");
        feed.publish(bounty);
        for (Future<Awaited<String>> f : held) {
            assertThat(f.get(5, TimeUnit.SECONDS).ending()).isEqualTo(Awaited.Ending.CHANGED);
        }
        assertThat(waiting.waiting()).isZero();
        assertThat(waiting.await(query(WakeUp.onBounty(bounty), Duration.ofMillis(50), Set.of())).ending())
                .isEqualTo(Awaited.Ending.TIMED_OUT);
    }

    @Test
    void closing_ends_every_wait_with_its_last_read_and_unsubscribes() throws Exception {
        WaitingForChanges waiting = fedOnly(10);
        Future<Awaited<String>> held = threads.submit(() -> waiting.await(query(WakeUp.onBounty(bounty),
                Duration.ofSeconds(20), Set.of())));
        awaitWaiters(waiting, 1);
        waiting.close();
        assertThat(held.get(5, TimeUnit.SECONDS)).isEqualTo(new Awaited<>("QUEUED", Awaited.Ending.TIMED_OUT));
        assertThat(feed.listeners).isEmpty();
    }

    private static void awaitWaiters(WaitingForChanges waiting, int count) throws InterruptedException {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (waiting.waiting() < count && System.nanoTime() < until) {
            Thread.sleep(5);
        }
        assertThat(waiting.waiting()).isEqualTo(count);
        Thread.sleep(50); // past the first read: the waiters now sleep on their permits
    }

    /** A feed whose commits the test makes. */
    private static final class Feed implements EventFeed {
        final List<Consumer<Entry>> listeners = new CopyOnWriteArrayList<>();
        private long id;

        void publish(BountyId bounty) {
            Entry e = new Entry(++id, bounty, new BountyEvent.Expired(bounty, Instant.EPOCH));
            listeners.forEach(l -> l.accept(e));
        }

        @Override
        public List<Entry> eventsOf(BountyId bounty, long afterId, int limit) {
            return List.of();
        }

        @Override
        public Subscription subscribe(Consumer<Entry> listener) {
            listeners.add(listener);
            return () -> listeners.remove(listener);
        }
    }
}
