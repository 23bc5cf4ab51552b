package io.moldtank.ports.out.queue;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The fairness engine: submissions waiting for validation.
 *
 * <p>Semantics every adapter must meet (the contract kit checks them):
 * <ul>
 *   <li>Claims hand out items oldest first; within a bounty strictly by sequence number, even
 *       when a bounty's items were enqueued out of sequence order. Several items of one bounty may
 *       be in flight at once (validations run in parallel).</li>
 *   <li>A claim is atomic: no item is held by two live leases.</li>
 *   <li>A claim carries a lease; an item whose lease lapses is handed out again, with its
 *       attempts counter increased. A stale holder's ack/fail is refused ({@link Outcome#LEASE_LOST});
 *       a holder whose lease lapsed but whose item nobody re-claimed yet may still ack or fail it.</li>
 *   <li>After {@code maxAttempts} claims without an ack the item moves to the dead-letter list
 *       ({@code maxAttempts} is adapter configuration).</li>
 *   <li>Enqueueing the same submission twice is a no-op that reports {@code false}; enqueueing a
 *       submission under a different bounty/sequence than the stored one, or a second submission
 *       under a taken bounty/sequence, throws {@link QueueConflictException} and stores nothing.</li>
 *   <li>Time (leases, retry delays) is read from the adapter's injected {@code Clock}.</li>
 *   <li>Storage failures surface as {@link QueueUnavailableException}; an operation that failed
 *       either happened entirely or not at all, so retrying it is safe.</li>
 * </ul>
 */
public interface SubmissionQueue {

    /** Longest accepted worker id. */
    int MAX_WORKER_ID_LENGTH = 200;

    /** Longer failure reasons are cut to this length (they are diagnostics, not data). */
    int MAX_REASON_LENGTH = 2000;

    /** Adds an item; returns false when this submission is already queued (or dead-lettered). */
    boolean enqueue(QueuedSubmission item);

    /** Takes the oldest claimable item for {@code workerId}, leased for {@code lease}. */
    Optional<QueueClaim> claim(String workerId, Duration lease);

    /**
     * Like {@link #claim(String, Duration)}, but when nothing is claimable waits up to
     * {@code maxWait} (real time) for an item. Adapters wake waiters on enqueue and retry;
     * this default polls.
     */
    default Optional<QueueClaim> claim(String workerId, Duration lease, Duration maxWait) {
        long deadline = System.nanoTime() + maxWait.toNanos();
        long pauseMillis = 5;
        while (true) {
            Optional<QueueClaim> claim = claim(workerId, lease);
            long left = deadline - System.nanoTime();
            if (claim.isPresent() || left <= 0) {
                return claim;
            }
            try {
                Thread.sleep(Math.min(pauseMillis, Math.max(1, left / 1_000_000)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.empty();
            }
            pauseMillis = Math.min(pauseMillis * 2, 200);
        }
    }

    /** The holder finished the item; it leaves the queue. */
    Outcome ack(QueueClaim claim);

    /**
     * Acks {@code done} and claims the next item for the same worker, leased for {@code lease}: the
     * hand-off a busy worker makes after each item. Adapters that can do both in one round trip
     * override this (a worker draining a queue otherwise waits on the server twice per item). The
     * claim happens even when the ack reports {@link Outcome#LEASE_LOST}: the worker is free either way.
     * Arguments are checked before anything is acked.
     */
    default Handoff ackAndClaim(QueueClaim done, Duration lease) {
        checkDuration("lease", lease, false);
        Outcome acked = ack(done);
        return new Handoff(acked, claim(done.workerId(), lease));
    }

    /** What {@link #ackAndClaim} did: the ack's outcome and the next claim, if any item was claimable. */
    record Handoff(Outcome acked, Optional<QueueClaim> next) {
        public Handoff {
            java.util.Objects.requireNonNull(acked, "acked");
            java.util.Objects.requireNonNull(next, "next");
        }
    }

    /**
     * The holder could not finish; the item becomes claimable again after {@code retryAfter},
     * or goes to the dead-letter list when its attempts are used up.
     */
    Outcome fail(QueueClaim claim, String reason, Duration retryAfter);

    /** Items waiting or in flight (not dead-lettered). */
    long depth();

    /** Dead letters, oldest first. */
    List<DeadLetter> deadLetters(int limit);

    enum Outcome { ACKED, RETRY_SCHEDULED, DEAD_LETTERED, LEASE_LOST }

    /** Checks a worker id; adapters call it before touching storage. */
    static String checkWorkerId(String workerId) {
        if (workerId == null || workerId.isBlank() || workerId.length() > MAX_WORKER_ID_LENGTH) {
            throw new IllegalArgumentException("workerId must be 1.." + MAX_WORKER_ID_LENGTH + " characters");
        }
        return workerId;
    }

    /** Checks a lease or delay; adapters call it before touching storage. */
    static Duration checkDuration(String what, Duration duration, boolean zeroAllowed) {
        if (duration == null || duration.isNegative() || (!zeroAllowed && duration.isZero())) {
            throw new IllegalArgumentException(what + " must be " + (zeroAllowed ? "zero or more" : "positive"));
        }
        return duration;
    }

    /** A failure reason fit for storage: never null, at most {@link #MAX_REASON_LENGTH} characters. */
    static String reasonForStorage(String reason) {
        String text = reason == null || reason.isBlank() ? "no reason given" : reason;
        return text.length() <= MAX_REASON_LENGTH ? text : text.substring(0, MAX_REASON_LENGTH - 1) + "…";
    }
}
