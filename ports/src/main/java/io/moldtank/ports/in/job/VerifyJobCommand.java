package io.moldtank.ports.in.job;

import java.util.Objects;
import io.moldtank.domain.agent.AgentId;
import io.moldtank.domain.job.JobId;
import io.moldtank.domain.job.Verdict;

public record VerifyJobCommand(AgentId by, JobId jobId, Verdict verdict) {
    public VerifyJobCommand {
        Objects.requireNonNull(by, "by");
        Objects.requireNonNull(jobId, "jobId");
        Objects.requireNonNull(verdict, "verdict");
    }
}
