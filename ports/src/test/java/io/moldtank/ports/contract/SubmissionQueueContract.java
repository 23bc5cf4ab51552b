package io.moldtank.ports.contract;

import static io.moldtank.ports.contract.QueueFixtures.bountyOf;
import static io.moldtank.ports.contract.QueueFixtures.impostor;
import static io.moldtank.ports.contract.QueueFixtures.submission;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.moldtank.ports.out.queue.DeadLetter;
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
import java.util.TreeMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AddLifecycleHook;
import org.junit.jupiter.api.Test;

/**
 * The {@link SubmissionQueue} contract, written once. An adapter's test class implements this
 * interface and returns a fresh, empty queue from {@link #newQueue}.
 */
public interface SubmissionQueueContract {

    Duration LEASE = Duration.ofSeconds(30);

    /** A fresh, empty queue reading time from {@code clock}, dead-lettering after {@code maxAttempts} claims. */
    SubmissionQueue newQueue(Clock clock, int maxAttempts);

    private SubmissionQueue queue(TestClock clock) {
        return newQueue(clock, 3);
    }

    private static List<Long> sequencesOf(List<QueueClaim> claims) {
        return claims.stream().map(c -> c.item().sequence()).toList();
    }

    private static List<QueueClaim> claimAll(SubmissionQueue queue, String worker) {
        List<QueueClaim> claims = new ArrayList<>();
        for (Optional<QueueClaim> c = queue.claim(worker, LEASE); c.isPresent(); c = queue.claim(worker, LEASE)) {
            claims.add(c.get());
        }
        return claims;
    }

    @Test
    default void an_empty_queue_hands_out_nothing() {
        SubmissionQueue queue = queue(new TestClock());
        assertThat(queue.claim("w1", LEASE)).isEmpty();
        assertThat(queue.depth()).isZero();
        assertThat(queue.deadLetters(10)).isEmpty();
    }

    @Test
    default void a_claim_carries_the_item_worker_first_attempt_and_lease_end() {
        TestClock clock = new TestClock();
        SubmissionQueue queue = queue(clock);
        queue.enqueue(submission(1, 1));

        QueueClaim claim = queue.claim("worker-7", LEASE).orElseThrow();

        assertThat(claim.item()).isEqualTo(submission(1, 1));
        assertThat(claim.workerId()).isEqualTo("worker-7");
        assertThat(claim.attempt()).isEqualTo(1);
        assertThat(claim.leaseUntil()).isEqualTo(clock.instant().plus(LEASE));
        assertThat(claim.token()).isNotBlank();
    }

    @Test
    default void one_bountys_items_are_handed_out_in_sequence_order_while_earlier_ones_are_in_flight() {
        SubmissionQueue queue = queue(new TestClock());
        for (long s = 1; s <= 5; s++) {
            assertThat(queue.enqueue(submission(1, s))).isTrue();
        }
        assertThat(sequencesOf(claimAll(queue, "w"))).containsExactly(1L, 2L, 3L, 4L, 5L);
    }

    @Test
    default void items_enqueued_out_of_sequence_order_still_come_out_by_sequence() {
        SubmissionQueue queue = queue(new TestClock());
        queue.enqueue(submission(1, 3));
        queue.enqueue(submission(1, 1));
        queue.enqueue(submission(1, 2));
        assertThat(sequencesOf(claimAll(queue, "w"))).containsExactly(1L, 2L, 3L);
    }

    @Test
    default void across_bounties_the_oldest_arrival_goes_first() {
        SubmissionQueue queue = queue(new TestClock());
        List<QueuedSubmission> arrivals = List.of(submission(2, 1), submission(1, 1), submission(2, 2),
                submission(3, 1), submission(1, 2));
        arrivals.forEach(queue::enqueue);
        assertThat(claimAll(queue, "w")).extracting(QueueClaim::item).containsExactlyElementsOf(arrivals);
    }

    @Test
    default void depth_counts_waiting_and_in_flight_items_until_acked() {
        SubmissionQueue queue = queue(new TestClock());
        queue.enqueue(submission(1, 1));
        queue.enqueue(submission(1, 2));
        QueueClaim claim = queue.claim("w", LEASE).orElseThrow();
        assertThat(queue.depth()).isEqualTo(2);
        assertThat(queue.ack(claim)).isEqualTo(Outcome.ACKED);
        assertThat(queue.depth()).isEqualTo(1);
    }

    @Test
    default void acking_twice_reports_the_lease_lost_the_second_time() {
        SubmissionQueue queue = queue(new TestClock());
        queue.enqueue(submission(1, 1));
        QueueClaim claim = queue.claim("w", LEASE).orElseThrow();
        assertThat(queue.ack(claim)).isEqualTo(Outcome.ACKED);
        assertThat(queue.ack(claim)).isEqualTo(Outcome.LEASE_LOST);
        assertThat(queue.claim("w", LEASE)).isEmpty();
    }

    @Test
    default void a_lapsed_lease_is_handed_out_again_with_the_attempt_counted() {
        TestClock clock = new TestClock();
        SubmissionQueue queue = queue(clock);
        queue.enqueue(submission(1, 1));
        QueueClaim first = queue.claim("w1", LEASE).orElseThrow();
        assertThat(queue.claim("w2", LEASE)).as("held by a live lease").isEmpty();

        clock.advance(LEASE);
        QueueClaim second = queue.claim("w2", LEASE).orElseThrow();

        assertThat(second.item()).isEqualTo(first.item());
        assertThat(second.attempt()).isEqualTo(2);
        assertThat(second.token()).isNotEqualTo(first.token());
        assertThat(second.workerId()).isEqualTo("w2");
    }

    @Test
    default void a_stale_holder_cannot_ack_or_fail_the_newer_claim() {
        TestClock clock = new TestClock();
        SubmissionQueue queue = queue(clock);
        queue.enqueue(submission(1, 1));
        QueueClaim stale = queue.claim("w1", LEASE).orElseThrow();
        clock.advance(LEASE.plusSeconds(1));
        QueueClaim fresh = queue.claim("w2", LEASE).orElseThrow();

        assertThat(queue.ack(stale)).isEqualTo(Outcome.LEASE_LOST);
        assertThat(queue.fail(stale, "late", Duration.ZERO)).isEqualTo(Outcome.LEASE_LOST);
        assertThat(queue.depth()).isEqualTo(1);
        assertThat(queue.ack(fresh)).isEqualTo(Outcome.ACKED);
        assertThat(queue.depth()).isZero();
    }

    @Test
    default void a_holder_whose_lease_lapsed_may_still_ack_while_nobody_reclaimed_the_item() {
        TestClock clock = new TestClock();
        SubmissionQueue queue = queue(clock);
        queue.enqueue(submission(1, 1));
        QueueClaim claim = queue.claim("w1", LEASE).orElseThrow();
        clock.advance(LEASE.plusSeconds(5));
        assertThat(queue.ack(claim)).isEqualTo(Outcome.ACKED);
        assertThat(queue.claim("w2", LEASE)).isEmpty();
    }

    @Test
    default void a_failed_item_is_claimable_again_only_after_its_retry_delay() {
        TestClock clock = new TestClock();
        SubmissionQueue queue = queue(clock);
        queue.enqueue(submission(1, 1));
        QueueClaim claim = queue.claim("w", LEASE).orElseThrow();

        assertThat(queue.fail(claim, "validator timed out", Duration.ofSeconds(10))).isEqualTo(Outcome.RETRY_SCHEDULED);
        clock.advance(Duration.ofSeconds(9));
        assertThat(queue.claim("w", LEASE)).isEmpty();
        assertThat(queue.depth()).isEqualTo(1);
        clock.advance(Duration.ofSeconds(1));
        QueueClaim retry = queue.claim("w", LEASE).orElseThrow();
        assertThat(retry.item()).isEqualTo(submission(1, 1));
        assertThat(retry.attempt()).isEqualTo(2);
    }

    @Test
    default void a_failed_item_keeps_its_place_in_line() {
        SubmissionQueue queue = queue(new TestClock());
        queue.enqueue(submission(1, 1));
        queue.enqueue(submission(2, 1));
        queue.enqueue(submission(1, 2));
        QueueClaim first = queue.claim("w", LEASE).orElseThrow();
        queue.fail(first, "flaky", Duration.ZERO);
        assertThat(queue.claim("w", LEASE).orElseThrow().item()).isEqualTo(submission(1, 1));
    }

    @Test
    default void failing_the_last_attempt_moves_the_item_to_the_dead_letters() {
        TestClock clock = new TestClock();
        SubmissionQueue queue = newQueue(clock, 2);
        queue.enqueue(submission(1, 1));
        queue.enqueue(submission(1, 2));
        assertThat(queue.fail(queue.claim("w", LEASE).orElseThrow(), "no quorum", Duration.ZERO))
                .isEqualTo(Outcome.RETRY_SCHEDULED);
        QueueClaim last = queue.claim("w", LEASE).orElseThrow();
        assertThat(last.attempt()).isEqualTo(2);

        assertThat(queue.fail(last, "no quorum again", Duration.ZERO)).isEqualTo(Outcome.DEAD_LETTERED);

        assertThat(queue.depth()).isEqualTo(1);
        List<DeadLetter> dead = queue.deadLetters(10);
        assertThat(dead).hasSize(1);
        assertThat(dead.get(0).item()).isEqualTo(submission(1, 1));
        assertThat(dead.get(0).attempts()).isEqualTo(2);
        assertThat(dead.get(0).lastError()).isEqualTo("no quorum again");
        assertThat(dead.get(0).deadAt()).isEqualTo(clock.instant());
        assertThat(queue.claim("w", LEASE).orElseThrow().item()).isEqualTo(submission(1, 2));
    }

    @Test
    default void a_lapsed_last_attempt_moves_the_item_to_the_dead_letters() {
        TestClock clock = new TestClock();
        SubmissionQueue queue = newQueue(clock, 2);
        queue.enqueue(submission(1, 1));
        queue.claim("w1", LEASE).orElseThrow();
        clock.advance(LEASE);
        QueueClaim last = queue.claim("w2", LEASE).orElseThrow();
        clock.advance(LEASE);

        assertThat(queue.claim("w3", LEASE)).isEmpty();
        assertThat(queue.depth()).isZero();
        assertThat(queue.deadLetters(10)).singleElement().satisfies(d -> {
            assertThat(d.item()).isEqualTo(submission(1, 1));
            assertThat(d.attempts()).isEqualTo(2);
            assertThat(d.lastError()).contains("lease");
        });
        assertThat(queue.ack(last)).isEqualTo(Outcome.LEASE_LOST);
    }

    @Test
    default void dead_letters_are_listed_oldest_first_up_to_the_limit() {
        SubmissionQueue queue = newQueue(new TestClock(), 1);
        for (int b = 1; b <= 3; b++) {
            queue.enqueue(submission(b, 1));
            queue.fail(queue.claim("w", LEASE).orElseThrow(), "bad " + b, Duration.ZERO);
        }
        assertThat(queue.deadLetters(2)).extracting(DeadLetter::lastError).containsExactly("bad 1", "bad 2");
    }

    @Test
    default void enqueueing_the_same_submission_again_reports_false_queued_in_flight_or_dead() {
        SubmissionQueue queue = newQueue(new TestClock(), 1);
        assertThat(queue.enqueue(submission(1, 1))).isTrue();
        assertThat(queue.enqueue(submission(1, 1))).isFalse();
        QueueClaim claim = queue.claim("w", LEASE).orElseThrow();
        assertThat(queue.enqueue(submission(1, 1))).isFalse();
        queue.fail(claim, "broken", Duration.ZERO);
        assertThat(queue.enqueue(submission(1, 1))).isFalse();
        assertThat(queue.depth()).isZero();
        assertThat(queue.deadLetters(10)).hasSize(1);
    }

    @Test
    default void a_conflicting_enqueue_is_refused_with_a_typed_error_and_stores_nothing() {
        SubmissionQueue queue = queue(new TestClock());
        queue.enqueue(submission(1, 1));
        QueuedSubmission sameIdOtherSlot = new QueuedSubmission(submission(1, 1).bountyId(), 2, submission(1, 1).submissionId());

        assertThatThrownBy(() -> queue.enqueue(sameIdOtherSlot)).isInstanceOf(QueueConflictException.class);
        assertThatThrownBy(() -> queue.enqueue(impostor(1, 1))).isInstanceOf(QueueConflictException.class);

        assertThat(queue.depth()).isEqualTo(1);
        assertThat(sequencesOf(claimAll(queue, "w"))).containsExactly(1L);
    }

    @Test
    default void bad_arguments_are_refused_before_anything_is_stored() {
        TestClock clock = new TestClock();
        SubmissionQueue queue = queue(clock);
        queue.enqueue(submission(1, 1));
        String longWorker = "w".repeat(SubmissionQueue.MAX_WORKER_ID_LENGTH + 1);
        assertThatThrownBy(() -> queue.claim(longWorker, LEASE)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> queue.claim(" ", LEASE)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> queue.claim("w", Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
        QueueClaim claim = queue.claim("w".repeat(SubmissionQueue.MAX_WORKER_ID_LENGTH), LEASE).orElseThrow();
        assertThat(claim.attempt()).as("refused claims used no attempt").isEqualTo(1);
        assertThatThrownBy(() -> queue.fail(claim, "x", Duration.ofSeconds(-1))).isInstanceOf(IllegalArgumentException.class);
        assertThat(queue.ack(claim)).isEqualTo(Outcome.ACKED);
    }

    @Test
    default void an_over_long_failure_reason_is_cut_to_the_maximum() {
        SubmissionQueue queue = newQueue(new TestClock(), 1);
        queue.enqueue(submission(1, 1));
        String reason = "stack trace line\n".repeat(1000);
        assertThat(queue.fail(queue.claim("w", LEASE).orElseThrow(), reason, Duration.ZERO)).isEqualTo(Outcome.DEAD_LETTERED);
        String stored = queue.deadLetters(1).get(0).lastError();
        assertThat(stored).hasSize(SubmissionQueue.MAX_REASON_LENGTH).startsWith("stack trace line\n");
    }

    @AddLifecycleHook(SkipWhenServerMissing.class)
    @Property(tries = 30)
    default void for_any_arrival_order_each_bounty_comes_out_in_sequence_order(
            @ForAll("arrivals") List<QueuedSubmission> arrivals) {
        SubmissionQueue queue = queue(new TestClock());
        arrivals.forEach(item -> assertThat(queue.enqueue(item)).isTrue());

        List<QueueClaim> claims = claimAll(queue, "w");

        assertThat(claims).hasSize(arrivals.size());
        Map<Integer, List<Long>> perBounty = new TreeMap<>();
        claims.forEach(c -> perBounty.computeIfAbsent(bountyOf(c.item()), b -> new ArrayList<>()).add(c.item().sequence()));
        perBounty.values().forEach(seqs -> assertThat(seqs).isSorted().doesNotHaveDuplicates());
        // The first claim of each bounty happens no later than the bounty's first arrival allows.
        assertThat(claims.get(0).item().bountyId()).isEqualTo(arrivals.get(0).bountyId());
    }

    @Provide
    default Arbitrary<List<QueuedSubmission>> arrivals() {
        return Arbitraries.integers().between(1, 6).list().ofMinSize(1).ofMaxSize(5).flatMap(counts -> {
            List<QueuedSubmission> items = new ArrayList<>();
            for (int b = 0; b < counts.size(); b++) {
                for (long s = 1; s <= counts.get(b); s++) {
                    items.add(submission(b + 1, s));
                }
            }
            return Arbitraries.shuffle(items);
        });
    }

}
