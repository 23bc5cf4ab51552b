package io.moldtank.adapters.persistence;

import static io.moldtank.ports.contract.QueueFixtures.submission;
import static org.assertj.core.api.Assertions.assertThat;

import io.lettuce.core.RedisClient;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import io.moldtank.ports.out.queue.QueueClaim;
import io.moldtank.ports.out.queue.SubmissionQueue;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Wake-ups between processes (two stores on one prefix): an enqueue publishes only when the line
 * was empty, and a burst still reaches every waiting worker of the other store.
 */
class RedisWakeupTest {

    private static final String PREFIX = TestServers.redisPrefix(RedisWakeupTest.class);
    private static final Duration LEASE = Duration.ofSeconds(30);
    private static PersistenceAdapters.RedisStore workers;
    private static PersistenceAdapters.RedisStore producer;

    @BeforeAll
    static void open() {
        workers = TestServers.redis(RedisWakeupTest.class, PREFIX);
        producer = PersistenceAdapters.redis(TestServers.REDIS_URL, PREFIX);
    }

    @AfterAll
    static void close() {
        if (producer != null) {
            producer.close();
        }
        TestServers.deleteKeys(PREFIX);
    }

    @Test
    void a_wake_up_is_published_when_the_line_fills_not_for_every_item() throws Exception {
        TestServers.deleteKeys(PREFIX);
        SubmissionQueue in = producer.submissionQueue(Clock.systemUTC(), 3);
        SubmissionQueue out = workers.submissionQueue(Clock.systemUTC(), 3);
        RedisClient client = RedisClient.create(TestServers.REDIS_URL);
        AtomicInteger wakes = new AtomicInteger();
        try (StatefulRedisPubSubConnection<String, String> listen = client.connectPubSub()) {
            listen.addListener(new RedisPubSubAdapter<>() {
                @Override
                public void message(String channel, String message) {
                    wakes.incrementAndGet();
                }
            });
            listen.sync().subscribe(PREFIX + ":queue:wake");

            for (long s = 1; s <= 10; s++) {
                assertThat(in.enqueue(submission(1, s))).isTrue();
            }
            assertThat(in.enqueue(submission(1, 1))).as("a repeat adds nothing").isFalse();
            for (Optional<QueueClaim> c = out.claim("w", LEASE); c.isPresent(); c = out.claim("w", LEASE)) {
                out.ack(c.get());
            }
            in.enqueue(submission(2, 1));

            // the listener's PING round trip orders it after every message published before
            listen.sync().ping();
            assertThat(wakes.get()).as("one for the first burst, one when the emptied line fills again").isEqualTo(2);
        } finally {
            client.shutdown();
        }
    }

    @Test
    void a_burst_reaches_every_worker_waiting_in_another_process() throws Exception {
        TestServers.deleteKeys(PREFIX);
        SubmissionQueue in = producer.submissionQueue(Clock.systemUTC(), 3);
        SubmissionQueue out = workers.submissionQueue(Clock.systemUTC(), 3);
        int waiting = 4;
        int items = 24;
        Set<Long> handled = ConcurrentHashMap.newKeySet();
        AtomicLong lastHandled = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(waiting);
        try {
            List<Future<Integer>> futures = new ArrayList<>();
            for (int w = 0; w < waiting; w++) {
                String worker = "w" + w;
                futures.add(pool.submit(() -> {
                    int mine = 0;
                    while (handled.size() < items && !Thread.currentThread().isInterrupted()) {
                        Optional<QueueClaim> c = out.claim(worker, LEASE, Duration.ofSeconds(1));
                        if (c.isPresent()) {
                            handled.add(c.get().item().sequence());
                            lastHandled.accumulateAndGet(System.nanoTime(), Math::max);
                            mine++;
                            out.ack(c.get());
                        }
                    }
                    return mine;
                }));
            }
            Thread.sleep(200); // all four are waiting on an empty line
            long start = System.nanoTime();
            for (long s = 1; s <= items; s++) {
                in.enqueue(submission(3, s));
            }
            int total = 0;
            for (Future<Integer> f : futures) {
                total += f.get(20, TimeUnit.SECONDS);
            }
            assertThat(total).isEqualTo(items);
            assertThat(handled).hasSize(items);
            // every item reached a waiter well before the workers' 1 s waits ran out
            assertThat(Duration.ofNanos(lastHandled.get() - start)).isLessThan(Duration.ofSeconds(1));
            assertThat(out.depth()).isZero();
        } finally {
            pool.shutdownNow();
        }
    }
}
