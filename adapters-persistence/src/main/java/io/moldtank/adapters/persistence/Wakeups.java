package io.moldtank.adapters.persistence;

import io.moldtank.ports.out.queue.QueueClaim;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Wakes workers waiting in {@code claim(worker, lease, maxWait)} when an item may have become
 * claimable. In-process by default; {@link PgNotifications} adds LISTEN/NOTIFY between processes.
 * A generation counter means a signal between a waiter's empty claim and its wait is not lost.
 */
class Wakeups implements AutoCloseable {

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private long generation;

    /** Something was enqueued or released in this process. */
    void signal() {
        wakeLocal();
    }

    /** Wakes waiters in this process only. */
    final void wakeLocal() {
        lock.lock();
        try {
            generation++;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    final long generation() {
        lock.lock();
        try {
            return generation;
        } finally {
            lock.unlock();
        }
    }

    /** Waits until the generation moves past {@code seen} or {@code nanos} pass. */
    final void awaitChange(long seen, long nanos) throws InterruptedException {
        lock.lock();
        try {
            long left = nanos;
            while (generation == seen && left > 0) {
                left = changed.awaitNanos(left);
            }
        } finally {
            lock.unlock();
        }
    }

    /**
     * Tries {@code claim} until it yields or {@code maxWait} passes, sleeping between tries until
     * woken; lapsed leases and retry delays send no wake-up, so it also polls every 250 ms.
     */
    final Optional<QueueClaim> waitFor(Supplier<Optional<QueueClaim>> claim, Duration maxWait) {
        long deadline = System.nanoTime() + maxWait.toNanos();
        while (true) {
            long seen = generation();
            Optional<QueueClaim> result = claim.get();
            long left = deadline - System.nanoTime();
            if (result.isPresent() || left <= 0) {
                return result;
            }
            try {
                awaitChange(seen, Math.min(left, millisToNanos(250)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.empty();
            }
        }
    }

    static long millisToNanos(long millis) {
        return TimeUnit.MILLISECONDS.toNanos(millis);
    }

    @Override
    public void close() {
    }
}
