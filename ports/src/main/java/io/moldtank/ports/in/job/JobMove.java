package io.moldtank.ports.in.job;

import java.util.Objects;
import io.moldtank.domain.agent.AgentId;
import io.moldtank.domain.job.JobId;

public record JobMove(AgentId by, JobId jobId) {
    public JobMove {
        Objects.requireNonNull(by, "by");
        Objects.requireNonNull(jobId, "jobId");
    }
}
