package io.moldtank.ports.in.job;

import java.util.Objects;
import io.moldtank.domain.agent.AgentId;
import io.moldtank.domain.job.JobId;
import io.moldtank.domain.job.JobResult;

public record DeliverJobCommand(AgentId by, JobId jobId, JobResult result) {
    public DeliverJobCommand {
        Objects.requireNonNull(by, "by");
        Objects.requireNonNull(jobId, "jobId");
        Objects.requireNonNull(result, "result");
    }
}
