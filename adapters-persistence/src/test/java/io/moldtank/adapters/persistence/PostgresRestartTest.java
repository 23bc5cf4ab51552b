package io.moldtank.adapters.persistence;

import static io.moldtank.ports.contract.QueueFixtures.submission;
import static org.assertj.core.api.Assertions.assertThat;

import io.moldtank.ports.out.queue.QueueClaim;
import io.moldtank.ports.out.queue.SubmissionQueue;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Fault test (c): PostgreSQL restarts (pg_ctl restart -m fast) while a producer enqueues and four
 * workers claim and ack. The adapter reconnects on its own, and every item whose enqueue was
 * committed is handled; calls that failed during the restart are simply retried by the caller.
 */
class PostgresRestartTest {

    private static final int ITEMS = 600;

    @Test
    void a_restart_under_load_loses_nothing_committed_and_the_adapter_reconnects() throws Exception {
        try (ThrowawayPostgres pg = ThrowawayPostgres.start();
             PersistenceAdapters.SqlStore store = PersistenceAdapters.sql(new PersistenceAdapters.SqlSettings(
                     pg.jdbcUrl(), "postgres", "", "restart", 8, Duration.ofSeconds(20)))) {
            SubmissionQueue queue = store.submissionQueue(Clock.systemUTC(), 10);
            Set<Long> enqueued = ConcurrentHashMap.newKeySet();
            Set<Long> handled = ConcurrentHashMap.newKeySet();
            AtomicInteger failures = new AtomicInteger();
            AtomicBoolean running = new AtomicBoolean(true);
            ExecutorService pool = Executors.newFixedThreadPool(5);
            try {
                Future<?> producer = pool.submit(() -> {
                    for (long s = 1; s <= ITEMS; s++) {
                        long seq = s;
                        Throwaway.retrying(failures, () -> queue.enqueue(submission(1, seq))); // false = it was committed before
                        enqueued.add(s);
                        Throwaway.pause(2);
                    }
                });
                for (int w = 0; w < 4; w++) {
                    String worker = "w" + w;
                    pool.submit(() -> {
                        while (running.get()) {
                            Optional<QueueClaim> claim = Throwaway.retrying(failures,
                                    () -> queue.claim(worker, Duration.ofSeconds(3), Duration.ofMillis(200)));
                            claim.ifPresent(c -> {
                                handled.add(c.item().sequence());
                                Throwaway.retrying(failures, () -> queue.ack(c)); // LEASE_LOST after a lost reply: already acked
                            });
                        }
                    });
                }
                Throwaway.awaitUntil(() -> handled.size() >= ITEMS / 3, Duration.ofSeconds(60));
                long start = System.nanoTime();
                pg.restart();
                System.err.printf("PostgresRestartTest: restarted PostgreSQL in %d ms with %d/%d items handled%n",
                        TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start), handled.size(), ITEMS);
                producer.get(120, TimeUnit.SECONDS);
                Throwaway.awaitUntil(() -> handled.size() == ITEMS, Duration.ofSeconds(60));
                running.set(false);
            } finally {
                running.set(false);
                pool.shutdown();
                assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
            }
            System.err.printf("PostgresRestartTest: %d calls failed during the restart and were retried%n", failures.get());
            assertThat(enqueued).hasSize(ITEMS);
            assertThat(handled).hasSize(ITEMS);
            assertThat(Throwaway.retrying(failures, queue::depth)).isZero();
        }
    }
}
