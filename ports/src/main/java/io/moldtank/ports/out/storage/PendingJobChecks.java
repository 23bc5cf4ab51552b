package io.moldtank.ports.out.storage;

import io.moldtank.domain.job.JobId;
import io.moldtank.domain.job.JobSnapshot;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The sandbox checks of jobs, as a queue to read. There is no enqueue here: a check is queued,
 * leased, retried and dead-lettered by saving its job (the {@code CheckRun} is part of it), so it is
 * durable in the job's own transaction on every adapter. Semantics every adapter meets
 * ({@code JobCheckStorageContract}): QUEUED and RUNNING checks are waiting; a waiting check is due
 * when its {@code dueAt} is not after {@code now} (a RUNNING one then lost its worker's lease).
 */
public interface PendingJobChecks {

    /** Jobs whose check is due at {@code now}, earliest due first, at most {@code limit} (1..1000). */
    List<JobId> dueChecks(Instant now, int limit);

    /** How many checks are waiting (queued or running): the queue depth. */
    long waitingChecks();

    /** When the longest-waiting check was asked for, if any waits. */
    Optional<Instant> oldestWaitingCheck();

    /** How many checks are dead-lettered now (an alert fires on any). */
    long deadLetteredCount();

    /** Jobs whose check used up its attempts, oldest request first. Snapshots hold results: for operators only. */
    List<JobSnapshot> deadLetteredChecks(int limit);

    /** Checks a limit; adapters call it before touching storage. */
    static int checkLimit(int limit) {
        if (limit < 1 || limit > 1000) {
            throw new IllegalArgumentException("limit must be 1..1000");
        }
        return limit;
    }
}
