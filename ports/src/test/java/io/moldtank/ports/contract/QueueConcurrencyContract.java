package io.moldtank.ports.contract;

import static io.moldtank.ports.contract.QueueFixtures.submission;
import static org.assertj.core.api.Assertions.assertThat;

import io.moldtank.ports.out.queue.QueueClaim;
import io.moldtank.ports.out.queue.QueueConflictException;
import io.moldtank.ports.out.queue.QueuedSubmission;
import io.moldtank.ports.out.queue.SubmissionQueue;
import io.moldtank.ports.out.queue.SubmissionQueue.Outcome;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * The {@link SubmissionQueue} contract under concurrency and waiting: several workers and
 * producers at once, and claims that wait for work. Adapter tests implement it beside
 * {@link SubmissionQueueContract}.
 */
public interface QueueConcurrencyContract {

    Duration LEASE = Duration.ofSeconds(30);

    /** A fresh, empty queue reading time from {@code clock}, dead-lettering after {@code maxAttempts} claims. */
    SubmissionQueue newQueue(Clock clock, int maxAttempts);

    private SubmissionQueue queue(TestClock clock) {
        return newQueue(clock, 3);
    }

    @Test
    default void concurrent_enqueues_of_one_submission_store_it_once() throws Exception {
        SubmissionQueue queue = queue(new TestClock());
        List<Boolean> results = Concurrently.run(8, i -> queue.enqueue(submission(1, 1)));
        assertThat(results).containsOnlyOnce(true);
        assertThat(queue.depth()).isEqualTo(1);
    }

    @Test
    default void concurrent_submissions_for_one_slot_store_exactly_one() throws Exception {
        SubmissionQueue queue = queue(new TestClock());
        List<String> results = Concurrently.run(8, i -> {
            QueuedSubmission s = i == 0 ? submission(1, 1) : new QueuedSubmission(submission(1, 1).bountyId(), 1,
                    new io.moldtank.domain.bounty.SubmissionId(new java.util.UUID(77, i)));
            try {
                return queue.enqueue(s) ? "stored" : "duplicate";
            } catch (QueueConflictException e) {
                return "conflict";
            }
        });
        assertThat(results).containsOnlyOnce("stored").doesNotContain("duplicate");
        assertThat(queue.depth()).isEqualTo(1);
    }

    @Test
    default void concurrent_workers_never_share_a_live_lease() throws Exception {
        SubmissionQueue queue = queue(new TestClock());
        for (int b = 1; b <= 4; b++) {
            for (long s = 1; s <= 50; s++) {
                queue.enqueue(submission(b, s));
            }
        }
        Map<QueuedSubmission, Integer> handed = new ConcurrentHashMap<>();
        Concurrently.run(8, w -> {
            for (Optional<QueueClaim> c = queue.claim("w" + w, LEASE); c.isPresent(); c = queue.claim("w" + w, LEASE)) {
                handed.merge(c.get().item(), 1, Integer::sum);
            }
            return null;
        });
        assertThat(handed).hasSize(200);
        assertThat(handed.values()).containsOnly(1);
    }

    /**
     * Fault test (b): eight workers drain one bounty; each item is handed out once, and never
     * before a lower sequence: no claim that returned sequence s' finished before the claim that
     * got a lower sequence s had even started.
     */
    @Test
    default void eight_workers_on_one_bounty_handle_every_item_once_in_sequence_order() throws Exception {
        SubmissionQueue queue = queue(new TestClock());
        int items = 400;
        for (long s = 1; s <= items; s++) {
            queue.enqueue(submission(1, s));
        }
        AtomicLong ticks = new AtomicLong();
        long[] started = new long[items + 1];
        long[] finished = new long[items + 1];
        List<List<Long>> perWorker = Concurrently.run(8, w -> {
            List<Long> mine = new ArrayList<>();
            while (true) {
                long before = ticks.incrementAndGet();
                Optional<QueueClaim> c = queue.claim("w" + w, LEASE);
                long after = ticks.incrementAndGet();
                if (c.isEmpty()) {
                    return mine;
                }
                int seq = (int) c.get().item().sequence();
                synchronized (started) {
                    assertThat(finished[seq]).as("sequence %d handed out twice", seq).isZero();
                    started[seq] = before;
                    finished[seq] = after;
                }
                mine.add((long) seq);
                assertThat(queue.ack(c.get())).isEqualTo(Outcome.ACKED);
            }
        });
        for (List<Long> mine : perWorker) {
            assertThat(mine).as("a worker sees its items in sequence order").isSorted();
        }
        long laterFinishedFirst = Long.MAX_VALUE;
        for (int s = items; s >= 1; s--) {
            assertThat(finished[s]).as("sequence %d handed out", s).isPositive();
            assertThat(started[s]).as("sequence %d claimed after a higher sequence was already handed out", s)
                    .isLessThan(laterFinishedFirst);
            laterFinishedFirst = Math.min(laterFinishedFirst, finished[s]);
        }
        assertThat(queue.depth()).isZero();
    }

    @Test
    default void a_waiting_claim_wakes_up_when_an_item_arrives() throws Exception {
        SubmissionQueue queue = queue(new TestClock());
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            long start = System.nanoTime();
            Future<Optional<QueueClaim>> waiting = pool.submit(() -> queue.claim("w", LEASE, Duration.ofSeconds(10)));
            Thread.sleep(150);
            queue.enqueue(submission(1, 1));
            Optional<QueueClaim> claim = waiting.get(10, TimeUnit.SECONDS);
            assertThat(claim).map(QueueClaim::item).contains(submission(1, 1));
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    default void a_waiting_claim_gives_up_empty_after_its_wait() {
        SubmissionQueue queue = queue(new TestClock());
        long start = System.nanoTime();
        assertThat(queue.claim("w", LEASE, Duration.ofMillis(200))).isEmpty();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isBetween(Duration.ofMillis(150), Duration.ofSeconds(5));
    }
}
