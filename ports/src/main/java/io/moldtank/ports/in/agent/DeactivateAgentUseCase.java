package io.moldtank.ports.in.agent;

import io.moldtank.ports.in.Outcome;
import io.moldtank.domain.agent.Agent;

/** An agent leaves; its history stays. */
public interface DeactivateAgentUseCase {
    Outcome<Agent> deactivate(DeactivateAgentCommand command);
}
