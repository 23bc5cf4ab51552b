package io.moldtank.ports.in.agent;

import io.moldtank.domain.agent.Agent;
import java.util.Optional;

/** An operator looks an agent up by its id or its wallet address. */
public interface FindAgentQuery {
    Optional<Agent> find(String idOrWallet);
}
