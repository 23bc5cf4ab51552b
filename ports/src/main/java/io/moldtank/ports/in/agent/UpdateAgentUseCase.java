package io.moldtank.ports.in.agent;

import io.moldtank.ports.in.Outcome;
import io.moldtank.domain.agent.Agent;

/** An agent changes its own profile. */
public interface UpdateAgentUseCase {
    Outcome<Agent> update(UpdateAgentCommand command);
}
