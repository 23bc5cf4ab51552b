package io.moldtank.ports.memory;

import io.moldtank.domain.bounty.SubmissionId;
import io.moldtank.ports.out.queue.DeadLetter;
import io.moldtank.ports.out.queue.QueueClaim;
import io.moldtank.ports.out.queue.QueueConflictException;
import io.moldtank.ports.out.queue.QueuedSubmission;
import io.moldtank.ports.out.queue.SubmissionQueue;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The reference queue: one lock around plain maps. Same choice rule as the SQL and Redis adapters:
 * the oldest claimable arrival picks the bounty, that bounty's lowest claimable sequence is handed out.
 */
public final class InMemorySubmissionQueue implements SubmissionQueue {

    private final Clock clock;
    private final int maxAttempts;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final Map<SubmissionId, Entry> entries = new HashMap<>();
    private final Map<String, SubmissionId> slots = new HashMap<>();
    private final Map<SubmissionId, DeadLetter> dead = new LinkedHashMap<>();
    private long arrivals;

    public InMemorySubmissionQueue(Clock clock, int maxAttempts) {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1");
        }
        this.clock = clock;
        this.maxAttempts = maxAttempts;
    }

    @Override
    public boolean enqueue(QueuedSubmission item) {
        lock.lock();
        try {
            SubmissionId id = item.submissionId();
            Entry existing = entries.get(id);
            QueuedSubmission stored = existing != null ? existing.item : dead.containsKey(id) ? dead.get(id).item() : null;
            if (stored != null) {
                if (!stored.equals(item)) {
                    throw new QueueConflictException("submission " + id + " is queued as " + stored + ", not " + item);
                }
                return false;
            }
            SubmissionId holder = slots.get(slot(item));
            if (holder != null) {
                throw new QueueConflictException("bounty " + item.bountyId() + " sequence " + item.sequence()
                        + " is held by submission " + holder);
            }
            Instant now = clock.instant();
            entries.put(id, new Entry(item, ++arrivals, now));
            slots.put(slot(item), id);
            changed.signalAll();
            return true;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public Optional<QueueClaim> claim(String workerId, Duration lease) {
        SubmissionQueue.checkWorkerId(workerId);
        SubmissionQueue.checkDuration("lease", lease, false);
        lock.lock();
        try {
            Instant now = clock.instant();
            sweep(now);
            Optional<Entry> head = entries.values().stream().filter(e -> e.claimable(now, maxAttempts))
                    .min(Comparator.comparingLong(e -> e.arrival));
            if (head.isEmpty()) {
                return Optional.empty();
            }
            Entry pick = entries.values().stream()
                    .filter(e -> e.item.bountyId().equals(head.get().item.bountyId()) && e.claimable(now, maxAttempts))
                    .min(Comparator.comparingLong(e -> e.item.sequence())).orElseThrow();
            pick.attempts++;
            pick.token = UUID.randomUUID().toString();
            pick.worker = workerId;
            pick.leaseUntil = now.plus(lease);
            return Optional.of(new QueueClaim(pick.item, workerId, pick.token, pick.attempts, pick.leaseUntil));
        } finally {
            lock.unlock();
        }
    }

    @Override
    public Optional<QueueClaim> claim(String workerId, Duration lease, Duration maxWait) {
        long deadline = System.nanoTime() + maxWait.toNanos();
        lock.lock();
        try {
            while (true) {
                Optional<QueueClaim> claim = claim(workerId, lease);
                long left = deadline - System.nanoTime();
                if (claim.isPresent() || left <= 0) {
                    return claim;
                }
                // Time-based availability (lapsed leases, retry delays) is noticed by the bounded wait.
                changed.await(Math.min(left, TimeUnit.MILLISECONDS.toNanos(50)), TimeUnit.NANOSECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public Outcome ack(QueueClaim claim) {
        lock.lock();
        try {
            Entry entry = held(claim);
            if (entry == null) {
                return Outcome.LEASE_LOST;
            }
            remove(entry);
            return Outcome.ACKED;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public Outcome fail(QueueClaim claim, String reason, Duration retryAfter) {
        SubmissionQueue.checkDuration("retryAfter", retryAfter, true);
        lock.lock();
        try {
            Entry entry = held(claim);
            if (entry == null) {
                return Outcome.LEASE_LOST;
            }
            Instant now = clock.instant();
            String error = SubmissionQueue.reasonForStorage(reason);
            if (entry.attempts >= maxAttempts) {
                remove(entry);
                dead.put(entry.item.submissionId(), new DeadLetter(entry.item, entry.attempts, error, now));
                return Outcome.DEAD_LETTERED;
            }
            entry.token = null;
            entry.worker = null;
            entry.leaseUntil = null;
            entry.lastError = error;
            entry.availableAt = now.plus(retryAfter);
            changed.signalAll();
            return Outcome.RETRY_SCHEDULED;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public long depth() {
        lock.lock();
        try {
            sweep(clock.instant());
            return entries.size();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public List<DeadLetter> deadLetters(int limit) {
        lock.lock();
        try {
            sweep(clock.instant());
            return dead.values().stream().limit(Math.max(0, limit)).toList();
        } finally {
            lock.unlock();
        }
    }

    private Entry held(QueueClaim claim) {
        Entry entry = entries.get(claim.item().submissionId());
        return entry != null && claim.token().equals(entry.token) ? entry : null;
    }

    private void remove(Entry entry) {
        entries.remove(entry.item.submissionId());
        slots.remove(slot(entry.item));
    }

    /** Items whose last allowed lease lapsed go to the dead letters. */
    private void sweep(Instant now) {
        List<Entry> exhausted = new ArrayList<>();
        for (Entry e : entries.values()) {
            if (e.leaseUntil != null && !e.leaseUntil.isAfter(now) && e.attempts >= maxAttempts) {
                exhausted.add(e);
            }
        }
        exhausted.sort(Comparator.comparingLong(e -> e.arrival));
        for (Entry e : exhausted) {
            remove(e);
            dead.put(e.item.submissionId(),
                    new DeadLetter(e.item, e.attempts, "lease expired (worker " + e.worker + ")", now));
        }
    }

    private static String slot(QueuedSubmission item) {
        return item.bountyId() + "#" + item.sequence();
    }

    private static final class Entry {
        final QueuedSubmission item;
        final long arrival;
        int attempts;
        String token;
        String worker;
        Instant leaseUntil;
        Instant availableAt;
        String lastError;

        Entry(QueuedSubmission item, long arrival, Instant now) {
            this.item = item;
            this.arrival = arrival;
            this.availableAt = now;
        }

        boolean claimable(Instant now, int maxAttempts) {
            return attempts < maxAttempts && !availableAt.isAfter(now)
                    && (leaseUntil == null || !leaseUntil.isAfter(now));
        }
    }
}
