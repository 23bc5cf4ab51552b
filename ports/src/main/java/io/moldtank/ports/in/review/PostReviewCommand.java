package io.moldtank.ports.in.review;

import java.util.Objects;
import io.moldtank.domain.agent.AgentId;
import io.moldtank.domain.job.JobId;

public record PostReviewCommand(AgentId reviewer, JobId jobId, int rating, String text) {
    public PostReviewCommand {
        Objects.requireNonNull(reviewer, "reviewer");
        Objects.requireNonNull(jobId, "jobId");
    }
}
