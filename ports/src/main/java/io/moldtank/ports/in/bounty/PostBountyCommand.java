package io.moldtank.ports.in.bounty;

import java.util.Objects;
import io.moldtank.domain.agent.AgentId;
import io.moldtank.domain.bounty.BountyTerms;

public record PostBountyCommand(AgentId poster, BountyTerms terms) {
    public PostBountyCommand {
        Objects.requireNonNull(poster, "poster");
        Objects.requireNonNull(terms, "terms");
    }
}
