package io.moldtank.adapters.persistence;

import io.moldtank.ports.out.queue.QueueClaim;
import io.moldtank.ports.out.queue.SubmissionQueue;
import java.time.Clock;
import java.time.Duration;

/**
 * A worker process for the kill -9 fault test: claims one item, says which, then hangs until killed.
 * Arguments: {@code pg <jdbcUrl> <user> <schema> <leaseMillis>} or {@code redis <uri> <prefix> <leaseMillis>}.
 */
public final class ClaimAndHang {

    private ClaimAndHang() {
    }

    public static void main(String[] args) throws Exception {
        SubmissionQueue queue;
        Duration lease;
        if (args[0].equals("pg")) {
            PersistenceAdapters.SqlStore store = PersistenceAdapters.sql(
                    new PersistenceAdapters.SqlSettings(args[1], args[2], "", args[3], 2, Duration.ofSeconds(10)));
            queue = store.submissionQueue(Clock.systemUTC(), 5);
            lease = Duration.ofMillis(Long.parseLong(args[4]));
        } else {
            queue = PersistenceAdapters.redis(args[1], args[2]).submissionQueue(Clock.systemUTC(), 5);
            lease = Duration.ofMillis(Long.parseLong(args[3]));
        }
        QueueClaim claim = queue.claim("doomed-" + ProcessHandle.current().pid(), lease, Duration.ofSeconds(10))
                .orElseThrow();
        System.out.println("CLAIMED " + claim.item().submissionId() + " " + claim.attempt());
        System.out.flush();
        Thread.sleep(Duration.ofMinutes(5));
    }
}
