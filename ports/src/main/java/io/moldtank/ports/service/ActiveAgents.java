package io.moldtank.ports.service;

import io.moldtank.domain.agent.Agent;
import io.moldtank.domain.agent.AgentId;
import io.moldtank.domain.shared.Rejection;
import io.moldtank.ports.in.ServiceRefusal;
import io.moldtank.ports.out.storage.AgentDirectory;

/** Looks up the acting agent and insists it is registered and active. */
final class ActiveAgents {
    private ActiveAgents() {
    }

    static Agent require(AgentDirectory agents, AgentId id) {
        Agent agent = agents.agentById(id)
                .orElseThrow(() -> new Rejection(ServiceRefusal.AGENT_UNKNOWN, "agent " + id + " is not registered"));
        agent.requireActive();
        return agent;
    }
}
