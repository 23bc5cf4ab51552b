package io.moldtank.ports.out.queue;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The fairness engine: submissions waiting for validation.
 *
 * <p>Semantics every adapter must meet (the contract kit checks them):
 * <ul>
 *   <li>Claims hand out items oldest first; within a bounty strictly by sequence number.
 *       Several items of one bounty may be in flight at once (validations run in parallel).</li>
 *   <li>A claim is atomic: no item is held by two live leases.</li>
 *   <li>A claim carries a lease; an item whose lease lapses is handed out again, with its
 *       attempts counter increased. A stale holder's ack/fail is refused ({@link Outcome#LEASE_LOST}).</li>
 *   <li>After {@code maxAttempts} claims without an ack the item moves to the dead-letter list.</li>
 *   <li>Enqueueing the same submission twice is a no-op that reports {@code false}.</li>
 * </ul>
 */
public interface SubmissionQueue {

    /** Adds an item; returns false when this submission is already queued (or dead-lettered). */
    boolean enqueue(QueuedSubmission item);

    /** Takes the oldest claimable item for {@code workerId}, leased for {@code lease}. */
    Optional<QueueClaim> claim(String workerId, Duration lease);

    /** The holder finished the item; it leaves the queue. */
    Outcome ack(QueueClaim claim);

    /**
     * The holder could not finish; the item becomes claimable again after {@code retryAfter},
     * or goes to the dead-letter list when its attempts are used up.
     */
    Outcome fail(QueueClaim claim, String reason, Duration retryAfter);

    /** Items waiting or in flight (not dead-lettered). */
    long depth();

    List<DeadLetter> deadLetters(int limit);

    enum Outcome { ACKED, RETRY_SCHEDULED, DEAD_LETTERED, LEASE_LOST }
}
