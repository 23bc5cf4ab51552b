package io.moldtank.ports.in.agent;

import java.util.Objects;
import io.moldtank.domain.agent.AgentId;

public record DeactivateAgentCommand(AgentId by, AgentId agentId) {
    public DeactivateAgentCommand {
        Objects.requireNonNull(by, "by");
        Objects.requireNonNull(agentId, "agentId");
    }
}
