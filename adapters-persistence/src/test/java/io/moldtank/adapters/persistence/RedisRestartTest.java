package io.moldtank.adapters.persistence;

import static io.moldtank.ports.contract.QueueFixtures.submission;
import static org.assertj.core.api.Assertions.assertThat;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.moldtank.ports.out.queue.QueueClaim;
import io.moldtank.ports.out.queue.QueueUnavailableException;
import io.moldtank.ports.out.queue.SubmissionQueue;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Fault test: a Redis of our own (AOF, fsync always) is stopped with SIGTERM and started again on
 * the same port and dir while a producer enqueues and four workers claim and ack. Calls during the
 * outage fail as QueueUnavailableException and are retried by the caller (safe by the SPI); the
 * client reconnects by itself; nothing whose enqueue was acknowledged is lost, no item is acked twice,
 * and the pub/sub connection that wakes waiting workers of other processes is subscribed again.
 */
class RedisRestartTest {

    private static final int ITEMS = 600;
    private static final String PREFIX = "restart";

    @Test
    void a_restart_under_load_loses_no_acknowledged_item_and_the_client_reconnects_and_resubscribes() throws Exception {
        try (ThrowawayRedis redis = ThrowawayRedis.start();
             PersistenceAdapters.RedisStore store = PersistenceAdapters.redis(redis.uri(), PREFIX);
             PersistenceAdapters.RedisStore otherProcess = PersistenceAdapters.redis(redis.uri(), PREFIX)) {
            SubmissionQueue queue = store.submissionQueue(Clock.systemUTC(), 10);
            Set<Long> enqueued = ConcurrentHashMap.newKeySet();
            Set<Long> handled = ConcurrentHashMap.newKeySet();
            Map<Long, AtomicInteger> acked = new ConcurrentHashMap<>();
            Set<Long> ackUnanswered = ConcurrentHashMap.newKeySet();
            Queue<Throwable> unexpected = new ConcurrentLinkedQueue<>();
            AtomicInteger failures = new AtomicInteger();
            AtomicBoolean running = new AtomicBoolean(true);
            ExecutorService pool = Executors.newFixedThreadPool(5);
            try {
                Future<?> producer = pool.submit(() -> {
                    for (long s = 1; s <= ITEMS; s++) {
                        long seq = s;
                        Throwaway.retrying(failures, () -> queue.enqueue(submission(1, seq))); // false: stored before its reply was lost
                        enqueued.add(s);
                        Throwaway.pause(2);
                    }
                    return null;
                });
                for (int w = 0; w < 4; w++) {
                    String worker = "w" + w;
                    pool.submit(() -> {
                        try {
                            while (running.get()) {
                                Optional<QueueClaim> claim = Throwaway.retrying(failures,
                                        () -> queue.claim(worker, Duration.ofSeconds(3), Duration.ofMillis(200)));
                                claim.ifPresent(c -> ack(queue, c, failures, handled, acked, ackUnanswered));
                            }
                        } catch (Throwable e) {
                            unexpected.add(e);
                        }
                    });
                }
                Throwaway.awaitUntil(() -> handled.size() >= ITEMS / 3, Duration.ofSeconds(60));
                int failedBefore = failures.get();
                long start = System.nanoTime();
                // one call certainly falls in the outage, whatever the producer and workers are doing then
                // (the producer may already be done when the restart comes, and a waiting claim makes no call)
                redis.restart(500, () -> {
                    try {
                        queue.depth();
                    } catch (io.moldtank.ports.out.queue.QueueUnavailableException expected) {
                        failures.incrementAndGet();
                    } catch (RuntimeException e) {
                        unexpected.add(e);
                    }
                });
                System.err.printf("RedisRestartTest: restarted Redis in %d ms with %d/%d items handled%n",
                        TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start), handled.size(), ITEMS);
                producer.get(120, TimeUnit.SECONDS);
                Throwaway.awaitUntil(() -> handled.size() == ITEMS || !unexpected.isEmpty(), Duration.ofSeconds(60));
                assertThat(failures.get()).as("calls during the outage failed as QueueUnavailableException")
                        .isGreaterThan(failedBefore);
            } finally {
                running.set(false);
                pool.shutdown();
                assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
            }
            System.err.printf("RedisRestartTest: %d calls failed during the restart and were retried; %d acks "
                    + "lost their reply%n", failures.get(), ackUnanswered.size());
            assertThat(unexpected).as("only QueueUnavailableException may escape a queue call").isEmpty();
            assertThat(enqueued).hasSize(ITEMS);
            assertThat(handled).hasSize(ITEMS);
            assertThat(acked.values()).as("no item acked twice").allMatch(n -> n.get() == 1);
            for (long s = 1; s <= ITEMS; s++) {
                assertThat(acked.containsKey(s) || ackUnanswered.contains(s))
                        .as("item %d was acked, or its ack's answer was lost in the restart", s).isTrue();
            }
            assertThat(Throwaway.retrying(failures, queue::depth)).isZero();
            assertThat(Throwaway.retrying(failures, () -> queue.deadLetters(10))).isEmpty();

            waitingWorkersAreWokenFromAnotherProcess(redis, store, queue, otherProcess.submissionQueue(Clock.systemUTC(), 10));
        }
    }

    /** The other process's enqueue publishes on P:queue:wake; our resubscribed listener must hear it. */
    private static void waitingWorkersAreWokenFromAnotherProcess(ThrowawayRedis redis, PersistenceAdapters.RedisStore store,
            SubmissionQueue queue, SubmissionQueue otherQueue) throws Exception {
        Throwaway.awaitUntil(() -> subscribers(redis) == 2, Duration.ofSeconds(10));
        Wakeups wakeups = ((RedisConnection) store).wakeups;
        long seen = wakeups.generation();
        try (ExecutorService waiter = Executors.newSingleThreadExecutor()) {
            Future<Optional<QueueClaim>> claim = waiter.submit(
                    () -> queue.claim("late", Duration.ofSeconds(30), Duration.ofSeconds(20)));
            Thread.sleep(100);
            assertThat(otherQueue.enqueue(submission(2, 1))).isTrue();
            assertThat(claim.get(20, TimeUnit.SECONDS)).hasValueSatisfying(
                    c -> assertThat(c.item()).isEqualTo(submission(2, 1)));
        }
        Throwaway.awaitUntil(() -> wakeups.generation() > seen, Duration.ofSeconds(5));
    }

    private static long subscribers(ThrowawayRedis redis) {
        RedisClient client = RedisClient.create(redis.uri());
        try (StatefulRedisConnection<String, String> c = client.connect()) {
            return c.sync().pubsubNumsub(PREFIX + ":queue:wake").getOrDefault(PREFIX + ":queue:wake", 0L);
        } finally {
            client.shutdown(Duration.ZERO, Duration.ofSeconds(1));
        }
    }

    /** Acks until answered; LEASE_LOST after a failed try means the first try was applied. */
    private static void ack(SubmissionQueue queue, QueueClaim claim, AtomicInteger failures, Set<Long> handled,
                            Map<Long, AtomicInteger> acked, Set<Long> ackUnanswered) {
        long seq = claim.item().sequence();
        handled.add(seq);
        AtomicBoolean failedOnce = new AtomicBoolean();
        SubmissionQueue.Outcome outcome = Throwaway.retrying(failures, () -> {
            try {
                return queue.ack(claim);
            } catch (QueueUnavailableException e) {
                failedOnce.set(true);
                throw e;
            }
        });
        if (outcome == SubmissionQueue.Outcome.ACKED) {
            acked.computeIfAbsent(seq, s -> new AtomicInteger()).incrementAndGet();
        } else if (failedOnce.get()) {
            ackUnanswered.add(seq);
        }
    }
}
