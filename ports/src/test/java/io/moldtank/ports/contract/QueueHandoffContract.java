package io.moldtank.ports.contract;

import static io.moldtank.ports.contract.QueueFixtures.submission;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.moldtank.ports.out.queue.QueueClaim;
import io.moldtank.ports.out.queue.QueuedSubmission;
import io.moldtank.ports.out.queue.SubmissionQueue;
import io.moldtank.ports.out.queue.SubmissionQueue.Handoff;
import io.moldtank.ports.out.queue.SubmissionQueue.Outcome;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link SubmissionQueue#ackAndClaim}, the hand-off a busy worker makes after each
 * item: it must keep every rule of a separate ack and claim. Adapter tests implement it beside
 * {@link SubmissionQueueContract}.
 */
public interface QueueHandoffContract {

    Duration LEASE = Duration.ofSeconds(30);

    /** A fresh, empty queue reading time from {@code clock}, dead-lettering after {@code maxAttempts} claims. */
    SubmissionQueue newQueue(Clock clock, int maxAttempts);

    @Test
    default void a_handoff_acks_the_item_and_claims_the_next_in_line() {
        TestClock clock = new TestClock();
        SubmissionQueue queue = newQueue(clock, 3);
        queue.enqueue(submission(2, 1));
        queue.enqueue(submission(1, 2));
        queue.enqueue(submission(1, 1));
        QueueClaim first = queue.claim("w", LEASE).orElseThrow();

        Handoff handoff = queue.ackAndClaim(first, LEASE);

        assertThat(handoff.acked()).isEqualTo(Outcome.ACKED);
        QueueClaim next = handoff.next().orElseThrow();
        assertThat(first.item()).isEqualTo(submission(2, 1));
        assertThat(next.item()).as("bounty 1's lowest sequence, though it arrived last").isEqualTo(submission(1, 1));
        assertThat(next.workerId()).isEqualTo("w");
        assertThat(next.attempt()).isEqualTo(1);
        assertThat(next.leaseUntil()).isEqualTo(clock.instant().plus(LEASE));
        assertThat(queue.depth()).as("the acked item left, two remain").isEqualTo(2);
        assertThat(queue.ack(first)).as("the hand-off's ack counted").isEqualTo(Outcome.LEASE_LOST);
    }

    @Test
    default void the_last_handoff_acks_and_finds_nothing() {
        SubmissionQueue queue = newQueue(new TestClock(), 3);
        queue.enqueue(submission(1, 1));
        Handoff handoff = queue.ackAndClaim(queue.claim("w", LEASE).orElseThrow(), LEASE);
        assertThat(handoff).isEqualTo(new Handoff(Outcome.ACKED, Optional.empty()));
        assertThat(queue.depth()).isZero();
    }

    @Test
    default void a_stale_holder_loses_the_ack_but_still_gets_work() {
        TestClock clock = new TestClock();
        SubmissionQueue queue = newQueue(clock, 3);
        queue.enqueue(submission(1, 1));
        queue.enqueue(submission(2, 1));
        QueueClaim stale = queue.claim("w1", LEASE).orElseThrow();
        clock.advance(LEASE.plusSeconds(1));
        QueueClaim fresh = queue.claim("w2", LEASE).orElseThrow();
        assertThat(fresh.item()).isEqualTo(stale.item());

        Handoff handoff = queue.ackAndClaim(stale, LEASE);

        assertThat(handoff.acked()).isEqualTo(Outcome.LEASE_LOST);
        assertThat(handoff.next()).map(QueueClaim::item).contains(submission(2, 1));
        assertThat(queue.ack(fresh)).as("the newer claim still owns its item").isEqualTo(Outcome.ACKED);
    }

    @Test
    default void a_handoff_reclaims_lapsed_leases_and_counts_the_attempt() {
        TestClock clock = new TestClock();
        SubmissionQueue queue = newQueue(clock, 3);
        queue.enqueue(submission(1, 1));
        queue.enqueue(submission(2, 1));
        QueueClaim abandoned = queue.claim("crashed", LEASE).orElseThrow();
        QueueClaim mine = queue.claim("w", LEASE).orElseThrow();
        clock.advance(LEASE.plusSeconds(1));

        QueueClaim next = queue.ackAndClaim(mine, LEASE).next().orElseThrow();

        assertThat(next.item()).isEqualTo(abandoned.item());
        assertThat(next.attempt()).isEqualTo(2);
    }

    @Test
    default void a_bad_lease_is_refused_before_the_item_is_acked() {
        SubmissionQueue queue = newQueue(new TestClock(), 3);
        queue.enqueue(submission(1, 1));
        QueueClaim claim = queue.claim("w", LEASE).orElseThrow();
        assertThatThrownBy(() -> queue.ackAndClaim(claim, Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> queue.ackAndClaim(claim, Duration.ofSeconds(-1))).isInstanceOf(IllegalArgumentException.class);
        assertThat(queue.depth()).as("nothing acked").isEqualTo(1);
        assertThat(queue.ack(claim)).isEqualTo(Outcome.ACKED);
    }

    /** Eight workers draining two bounties by hand-offs: every item once, each worker's items in sequence order. */
    @Test
    default void eight_workers_handing_off_handle_every_item_once_in_sequence_order() throws Exception {
        SubmissionQueue queue = newQueue(new TestClock(), 3);
        int perBounty = 150;
        for (long s = 1; s <= perBounty; s++) {
            queue.enqueue(submission(1, s));
            queue.enqueue(submission(2, s));
        }
        Map<QueuedSubmission, Integer> handed = new ConcurrentHashMap<>();
        List<List<QueuedSubmission>> perWorker = Concurrently.run(8, w -> {
            List<QueuedSubmission> mine = new ArrayList<>();
            Optional<QueueClaim> c = queue.claim("w" + w, LEASE);
            while (c.isPresent()) {
                mine.add(c.get().item());
                handed.merge(c.get().item(), 1, Integer::sum);
                Handoff h = queue.ackAndClaim(c.get(), LEASE);
                assertThat(h.acked()).isEqualTo(Outcome.ACKED);
                c = h.next();
            }
            return mine;
        });
        assertThat(handed).hasSize(2 * perBounty);
        assertThat(handed.values()).containsOnly(1);
        for (List<QueuedSubmission> mine : perWorker) {
            for (int bounty = 1; bounty <= 2; bounty++) {
                int b = bounty;
                assertThat(mine.stream().filter(i -> QueueFixtures.bountyOf(i) == b).map(QueuedSubmission::sequence).toList())
                        .isSorted();
            }
        }
        assertThat(queue.depth()).isZero();
    }
}
