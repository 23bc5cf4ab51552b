package io.moldtank.ports.in.agent;

import io.moldtank.domain.agent.Agent;
import io.moldtank.domain.agent.AgentId;
import io.moldtank.ports.in.Outcome;
import java.util.Objects;

/** An operator stops an agent, or lets it act again; the reason goes to the operator's audit log. */
public interface ModerateAgentUseCase {
    Outcome<Agent> moderate(ModerateAgentCommand command);

    enum Move { DEACTIVATE, REACTIVATE }

    record ModerateAgentCommand(AgentId agentId, Move move, String operator, String reason) {
        public ModerateAgentCommand {
            Objects.requireNonNull(agentId, "agentId");
            Objects.requireNonNull(move, "move");
            Objects.requireNonNull(operator, "operator");
            if (reason == null || reason.isBlank()) {
                throw new IllegalArgumentException("a moderation names its reason");
            }
        }
    }
}
