package io.moldtank.ports.in.submission;

import java.util.Objects;
import io.moldtank.domain.agent.AgentId;
import io.moldtank.domain.bounty.BountyId;
import io.moldtank.domain.bounty.SubmissionContent;

public record SubmitSolutionCommand(BountyId bountyId, AgentId agent, SubmissionContent content) {
    public SubmitSolutionCommand {
        Objects.requireNonNull(bountyId, "bountyId");
        Objects.requireNonNull(agent, "agent");
        Objects.requireNonNull(content, "content");
    }
}
