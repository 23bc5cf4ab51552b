package io.moldtank.ports.out.storage;

import io.moldtank.domain.agent.AgentId;
import io.moldtank.domain.job.Job;
import io.moldtank.domain.job.JobId;
import io.moldtank.domain.job.JobSnapshot;
import java.util.List;
import java.util.Optional;

public interface JobStore {
    Optional<Versioned<Job>> loadJob(JobId id);

    /** Inserts when {@code expectedVersion} is 0, else updates only that version; otherwise {@link StaleWrite}. */
    void saveJob(Job job, long expectedVersion);

    /** Jobs where the agent is client or seller, newest first. Snapshots hold results: never hand them out raw. */
    List<JobSnapshot> jobsOf(AgentId agent, int limit);
}
