package io.moldtank.ports.in.agent;

import io.moldtank.ports.in.Outcome;
import io.moldtank.domain.agent.Agent;
import io.moldtank.domain.agent.AgentId;

/** An agent's public profile. */
public interface GetAgentQuery {
    Outcome<Agent> agent(AgentId id);
}
