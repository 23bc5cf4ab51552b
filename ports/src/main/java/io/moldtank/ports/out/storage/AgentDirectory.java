package io.moldtank.ports.out.storage;

import io.moldtank.domain.agent.Agent;
import io.moldtank.domain.agent.AgentId;
import io.moldtank.domain.agent.WalletAddress;
import java.util.Optional;

/** Registered agents, by id and by wallet (one agent per wallet). */
public interface AgentDirectory {
    Optional<Agent> agentById(AgentId id);

    Optional<Agent> agentByWallet(WalletAddress wallet);

    /** Inserts or version-checked update; a second agent for a wallet is a {@link StaleWrite}. */
    void saveAgent(Agent agent);
}
