package io.moldtank.ports.service;

import io.moldtank.domain.bounty.BountyId;
import io.moldtank.ports.in.waiting.AwaitChangeQuery;
import io.moldtank.ports.in.waiting.AwaitChangeUseCase;
import io.moldtank.ports.in.waiting.Awaited;
import io.moldtank.ports.in.waiting.WakeUp;
import io.moldtank.ports.out.events.EventFeed;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Waits for a value to change instead of letting clients poll. A waiter of a bounty's submission or payout
 * is woken by that bounty's committed events (the feed calls back after commit, on the committing thread,
 * so waking only releases a permit); it also re-reads every {@code fedRecheck} in case a wake was missed.
 * Values no feed carries (jobs) are re-read every {@code recheck}: one primary-key read, cheap next to a
 * client's round trip. At most {@code maxWaiters} wait at once; the next is told BUSY instead of queued.
 *
 * <p>Waiting blocks the calling thread: meant for virtual threads (Helidon SE 4 runs each request on one).
 */
public final class WaitingForChanges implements AwaitChangeUseCase, AutoCloseable {

    /** The bound on concurrent waiters and the re-read intervals. */
    public record Settings(int maxWaiters, Duration recheck, Duration fedRecheck) {
        public static final Settings DEFAULTS = new Settings(1000, Duration.ofSeconds(1), Duration.ofSeconds(5));

        public Settings {
            if (maxWaiters < 1 || maxWaiters > 1_000_000) {
                throw new IllegalArgumentException("maxWaiters must be 1..1000000");
            }
            Objects.requireNonNull(recheck, "recheck");
            Objects.requireNonNull(fedRecheck, "fedRecheck");
            if (recheck.toMillis() < 10 || fedRecheck.toMillis() < 10) {
                throw new IllegalArgumentException("re-read intervals must be at least 10 ms");
            }
        }
    }

    private final Settings settings;
    private final Semaphore slots;
    private final Map<BountyId, Set<Waiter>> byBounty = new ConcurrentHashMap<>();
    private final Set<Waiter> all = ConcurrentHashMap.newKeySet();
    private final EventFeed.Subscription subscription;
    private volatile boolean closed;

    /** {@code feed} may be null: then every wait re-reads every {@code recheck}. */
    public WaitingForChanges(EventFeed feed, Settings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.slots = new Semaphore(settings.maxWaiters());
        this.subscription = feed == null ? null : feed.subscribe(this::wake);
    }

    /** Re-reading only, with the default settings: for an API wired without a feed. */
    public static WaitingForChanges rereading() {
        return new WaitingForChanges(null, Settings.DEFAULTS);
    }

    /** Requests waiting now. */
    public int waiting() {
        return settings.maxWaiters() - slots.availablePermits();
    }

    public int maxWaiters() {
        return settings.maxWaiters();
    }

    @Override
    public <T> Awaited<T> await(AwaitChangeQuery<T> q) {
        if (q.atMost().isZero() || closed) {
            return once(q);
        }
        if (!slots.tryAcquire()) {
            return new Awaited<>(null, Awaited.Ending.BUSY);
        }
        Waiter waiter = new Waiter();
        BountyId bounty = q.wakeUp() instanceof WakeUp.OnBountyEvents e && subscription != null ? e.bounty() : null;
        // registered before the first read, so an event committed in between still wakes it
        register(bounty, waiter);
        try {
            T value = q.read().get();
            String state = q.stateOf().apply(value);
            Set<String> through = throughOf(q, state);
            Awaited.Ending ending = endingOf(state, through, q.settled());
            long deadline = System.nanoTime() + q.atMost().toNanos();
            long recheck = (bounty != null ? settings.fedRecheck() : settings.recheck()).toNanos();
            while (ending == null) {
                long left = deadline - System.nanoTime();
                if (left <= 0 || closed) {
                    return new Awaited<>(value, Awaited.Ending.TIMED_OUT);
                }
                waiter.sleep(Math.min(left, recheck));
                value = q.read().get();
                ending = endingOf(q.stateOf().apply(value), through, q.settled());
            }
            return new Awaited<>(value, ending);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // the server is stopping: answer with what was last read
            T value = q.read().get();
            return new Awaited<>(value, Awaited.Ending.TIMED_OUT);
        } finally {
            unregister(bounty, waiter);
            slots.release();
        }
    }

    /** No waiting: the current value, CHANGED if it is already out of the states waited through. */
    private static <T> Awaited<T> once(AwaitChangeQuery<T> q) {
        T value = q.read().get();
        String state = q.stateOf().apply(value);
        Awaited.Ending ending = endingOf(state, throughOf(q, state), q.settled());
        return new Awaited<>(value, ending == null ? Awaited.Ending.TIMED_OUT : ending);
    }

    /** The states waited through: those the caller named, else the one first read. */
    private static Set<String> throughOf(AwaitChangeQuery<?> q, String first) {
        return q.through().isEmpty() ? Set.of(first) : q.through();
    }

    private static Awaited.Ending endingOf(String state, Set<String> through, Set<String> settled) {
        if (!through.contains(state)) {
            return Awaited.Ending.CHANGED;
        }
        return settled.contains(state) ? Awaited.Ending.SETTLED : null;
    }

    private void register(BountyId bounty, Waiter waiter) {
        all.add(waiter);
        if (bounty != null) {
            byBounty.computeIfAbsent(bounty, b -> ConcurrentHashMap.newKeySet()).add(waiter);
        }
    }

    private void unregister(BountyId bounty, Waiter waiter) {
        all.remove(waiter);
        if (bounty != null) {
            byBounty.computeIfPresent(bounty, (b, set) -> {
                set.remove(waiter);
                return set.isEmpty() ? null : set;
            });
        }
    }

    /** On the committing thread: must not block, so it only releases permits. */
    private void wake(EventFeed.Entry entry) {
        Set<Waiter> waiters = byBounty.get(entry.bountyId());
        if (waiters != null) {
            waiters.forEach(Waiter::wake);
        }
    }

    /** Ends every wait now (each answers with its last read); later waits answer at once. */
    @Override
    public void close() {
        closed = true;
        if (subscription != null) {
            subscription.close();
        }
        all.forEach(Waiter::wake);
    }

    /** One waiting request: a permit is a reason to read again. */
    private static final class Waiter {
        private final Semaphore signal = new Semaphore(0);

        void wake() {
            signal.release();
        }

        void sleep(long nanos) throws InterruptedException {
            if (signal.tryAcquire(nanos, TimeUnit.NANOSECONDS)) {
                signal.drainPermits(); // one re-read answers every wake that arrived meanwhile
            }
        }
    }
}
