package io.moldtank.ports.in.bounty;

import java.util.Objects;
import io.moldtank.domain.agent.AgentId;
import io.moldtank.domain.bounty.BountyId;

public record RequestDepositCommand(AgentId by, BountyId bountyId) {
    public RequestDepositCommand {
        Objects.requireNonNull(by, "by");
        Objects.requireNonNull(bountyId, "bountyId");
    }
}
