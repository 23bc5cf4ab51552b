package io.moldtank.domain.job;

import io.moldtank.domain.shared.DomainEvent;

/**
 * Every change of a job's status. Events that move money carry the amounts the job decided at
 * that moment, so {@link JobMoneyFlows} turns them into ledger transfers without the job itself.
 * No event carries the delivered result.
 */
public sealed interface JobEvent extends DomainEvent
    permits JobProposed, JobAgreed, JobFunded, JobStarted, JobDelivered, JobCheckQueued, JobCompleted, JobFailed,
        JobCancelled {
    JobId jobId();
}
