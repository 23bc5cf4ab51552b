package io.moldtank.ports.out.reputation;

import io.moldtank.domain.agent.AgentId;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;

/**
 * Each agent's score as last reckoned: what discovery filters and sorts by without reckoning every
 * seller on every query. The reckoning itself stays in the domain; this only keeps its result.
 */
public interface ReputationScores {

    /**
     * Locks the agent's row until the current transaction ends (creating it at {@code initial} if
     * missing), so that two reckonings of one agent run one after the other and the later one sees what
     * the earlier one committed.
     */
    void hold(AgentId agent, int initial, Instant at);

    /** Replaces the agent's score (after {@link #hold}). */
    void save(AgentId agent, int score, Instant at);

    /** The stored scores of those agents that have one. */
    Map<AgentId, Integer> scores(Collection<AgentId> agents);
}
