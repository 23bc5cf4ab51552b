package io.moldtank.adapters.persistence;

import static io.moldtank.ports.contract.QueueFixtures.submission;
import static org.assertj.core.api.Assertions.assertThat;

import io.moldtank.ports.out.queue.QueueClaim;
import io.moldtank.ports.out.queue.SubmissionQueue;
import io.moldtank.ports.out.queue.SubmissionQueue.Outcome;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Fault test (a): a worker process is killed with SIGKILL (kill -9) while it holds a lease. The
 * item is not lost: once the lease lapses another worker gets it, as attempt 2.
 */
class KilledWorkerTest {

    private static final long LEASE_MILLIS = 1500;

    @Test
    void postgres_redelivers_the_item_of_a_worker_killed_while_holding_its_lease() throws Exception {
        String schema = TestServers.uniqueName(KilledWorkerTest.class);
        PersistenceAdapters.SqlStore store = TestServers.postgres(schema);
        SubmissionQueue queue = store.submissionQueue(Clock.systemUTC(), 5);
        survivesKilledWorker(queue, List.of("pg", TestServers.PG_URL, TestServers.PG_USER, schema, "" + LEASE_MILLIS));
    }

    @Test
    void redis_redelivers_the_item_of_a_worker_killed_while_holding_its_lease() throws Exception {
        String prefix = TestServers.redisPrefix(KilledWorkerTest.class);
        SubmissionQueue queue = TestServers.redis(KilledWorkerTest.class, prefix).submissionQueue(Clock.systemUTC(), 5);
        survivesKilledWorker(queue, List.of("redis", TestServers.REDIS_URL, prefix, "" + LEASE_MILLIS));
    }

    private static void survivesKilledWorker(SubmissionQueue queue, List<String> workerArgs) throws Exception {
        for (long s = 1; s <= 2; s++) {
            queue.enqueue(submission(1, s));
        }
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                "-cp", System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")),
                ClaimAndHang.class.getName()));
        command.addAll(workerArgs);
        Process worker = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(worker.getInputStream(), StandardCharsets.UTF_8));
            String line = CompletableFuture.supplyAsync(() -> {
                try {
                    return out.readLine();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }).get(60, TimeUnit.SECONDS);
            assertThat(line).isEqualTo("CLAIMED " + submission(1, 1).submissionId() + " 1");
        } finally {
            worker.destroyForcibly(); // SIGKILL: no shutdown hooks, no goodbye to the queue
            assertThat(worker.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(worker.exitValue()).as("killed by SIGKILL").isEqualTo(137);

        QueueClaim second = queue.claim("survivor", Duration.ofSeconds(30)).orElseThrow();
        assertThat(second.item()).as("the killed worker's item is still leased").isEqualTo(submission(1, 2));
        assertThat(queue.ack(second)).isEqualTo(Outcome.ACKED);

        QueueClaim redelivered = queue.claim("survivor", Duration.ofSeconds(30), Duration.ofSeconds(10)).orElseThrow();
        assertThat(redelivered.item()).isEqualTo(submission(1, 1));
        assertThat(redelivered.attempt()).isEqualTo(2);
        assertThat(queue.ack(redelivered)).isEqualTo(Outcome.ACKED);
        assertThat(queue.depth()).isZero();
    }
}
