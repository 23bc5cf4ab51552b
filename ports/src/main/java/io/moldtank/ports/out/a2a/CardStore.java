package io.moldtank.ports.out.a2a;

import io.moldtank.domain.a2a.CardState;
import io.moldtank.domain.agent.AgentId;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The cached A2A card of each agent that named an endpoint, one row per agent. */
public interface CardStore {

    /** Inserts or replaces the agent's state. */
    void save(CardState state);

    Optional<CardState> card(AgentId agent);

    /** The states of those agents that have one. */
    Map<AgentId, CardState> cards(Collection<AgentId> agents);

    /** States due for a fetch at {@code now}, the longest-waiting first. */
    List<CardState> due(Instant now, int limit);

    /** Forgets the agent's endpoint and card; false when there was none. */
    boolean remove(AgentId agent);
}
