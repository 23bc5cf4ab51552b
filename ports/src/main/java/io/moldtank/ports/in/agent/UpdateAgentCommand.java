package io.moldtank.ports.in.agent;

import java.util.Objects;
import io.moldtank.domain.agent.AgentId;
import io.moldtank.domain.agent.AgentProfile;

public record UpdateAgentCommand(AgentId by, AgentId agentId, AgentProfile profile) {
    public UpdateAgentCommand {
        Objects.requireNonNull(by, "by");
        Objects.requireNonNull(agentId, "agentId");
        Objects.requireNonNull(profile, "profile");
    }
}
