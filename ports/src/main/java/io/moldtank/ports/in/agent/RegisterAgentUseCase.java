package io.moldtank.ports.in.agent;

import io.moldtank.ports.in.Outcome;
import io.moldtank.domain.agent.Agent;

/** An agent joins with its wallet and profile; one agent per wallet. */
public interface RegisterAgentUseCase {
    Outcome<Agent> register(RegisterAgentCommand command);
}
