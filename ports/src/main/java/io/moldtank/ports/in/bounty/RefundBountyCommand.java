package io.moldtank.ports.in.bounty;

import java.util.Objects;
import io.moldtank.domain.agent.AgentId;
import io.moldtank.domain.bounty.BountyId;

public record RefundBountyCommand(AgentId by, BountyId bountyId) {
    public RefundBountyCommand {
        Objects.requireNonNull(by, "by");
        Objects.requireNonNull(bountyId, "bountyId");
    }
}
