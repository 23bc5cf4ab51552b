package io.moldtank.adapters.persistence;

import static io.moldtank.ports.contract.QueueFixtures.submission;
import static org.assertj.core.api.Assertions.assertThat;

import io.moldtank.ports.contract.TestClock;
import io.moldtank.ports.out.queue.QueueClaim;
import io.moldtank.ports.out.queue.SubmissionQueue;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded default: an H2 file database keeps the queue across restarts of the process. */
class H2FileStoreTest {

    @TempDir
    Path dir;

    @Test
    void queued_items_survive_a_restart_and_a_lease_of_the_dead_process_is_freed_at_once() {
        TestClock clock = new TestClock();
        Path file = dir.resolve("moldtank");
        try (PersistenceAdapters.SqlStore store = PersistenceAdapters.h2File(file)) {
            SubmissionQueue queue = store.submissionQueue(clock, 3);
            queue.enqueue(submission(1, 1));
            queue.enqueue(submission(1, 2));
            queue.claim("w", Duration.ofMinutes(6)).orElseThrow(); // the process "dies" holding it
        }
        try (PersistenceAdapters.SqlStore store = PersistenceAdapters.h2File(file)) {
            SubmissionQueue queue = store.submissionQueue(clock, 3);
            assertThat(queue.depth()).isEqualTo(2);
            assertThat(queue.enqueue(submission(1, 1))).isFalse();
            // only one process opens an H2 file: the lease was its dead predecessor's, so no 6 min wait
            QueueClaim redelivered = queue.claim("w", Duration.ofSeconds(30)).orElseThrow();
            assertThat(redelivered.item()).isEqualTo(submission(1, 1));
            assertThat(redelivered.attempt()).as("the lost claim still counts").isEqualTo(2);
            assertThat(queue.claim("w", Duration.ofSeconds(30)).orElseThrow().item()).isEqualTo(submission(1, 2));
        }
        assertThat(dir.resolve("moldtank.mv.db")).exists();
    }

    @Test
    void a_lease_the_dead_process_held_is_free_when_the_file_is_opened_again() {
        Path file = dir.resolve("moldtank");
        java.time.Instant now = java.time.Instant.now();
        try (PersistenceAdapters.SqlStore store = PersistenceAdapters.h2File(file)) {
            assertThat(store.storage().reconciliation().tryHold("scraper", "dead-node", Duration.ofMinutes(15), now))
                    .isPresent(); // the process "dies" holding it
        }
        try (PersistenceAdapters.SqlStore store = PersistenceAdapters.h2File(file)) {
            var lease = store.storage().reconciliation().tryHold("scraper", "new-node", Duration.ofMinutes(15), now);
            assertThat(lease).as("no 15 min wait for a lease nobody can hold any more").isPresent();
            assertThat(lease.get().fence()).isEqualTo(2);
        }
    }
}
