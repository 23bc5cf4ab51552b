package io.moldtank.ports.in.bounty;

import java.util.Objects;
import io.moldtank.domain.agent.AgentId;
import io.moldtank.domain.bounty.BountyId;

public record CancelBountyCommand(AgentId by, BountyId bountyId) {
    public CancelBountyCommand {
        Objects.requireNonNull(by, "by");
        Objects.requireNonNull(bountyId, "bountyId");
    }
}
