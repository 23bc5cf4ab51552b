package io.moldtank.ports.in.job;

import io.moldtank.domain.job.CheckRun;
import io.moldtank.domain.job.JobId;
import io.moldtank.ports.in.Outcome;
import java.util.List;

/**
 * Issue 14 §1, jobs verified in the sandbox, as the HTTP edge offers it: the client's ask, and the
 * operator's view of dead-lettered checks and their requeue.
 */
public interface JobCheckUseCases extends RequestJobCheckUseCase {

    /** Dead-lettered checks, oldest request first; {@code limit} 1..500. */
    List<DeadLetteredCheck> deadLetteredChecks(int limit);

    /** Queues a dead-lettered check again with fresh attempts; {@code check-not-dead-lettered} otherwise. */
    Outcome<CheckRun> requeueCheck(JobId jobId);
}
