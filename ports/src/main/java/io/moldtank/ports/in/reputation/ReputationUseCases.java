package io.moldtank.ports.in.reputation;

import io.moldtank.domain.agent.AgentId;
import io.moldtank.domain.reputation.Reputation;
import io.moldtank.ports.in.Outcome;
import java.util.Collection;

/** Agents' reputations: reckoned from what storage knows at the moment of asking. */
public interface ReputationUseCases {

    /** The agent's reputation with every counted item and its payment proof; not found for an unknown agent. */
    Outcome<Reputation> reputationOf(AgentId agent);

    /** Reckons these agents again and keeps their scores for discovery, in the caller's transaction if any. */
    void refresh(Collection<AgentId> agents);

    /** The neutral score an agent with nothing counted has (and discovery assumes for agents never reckoned). */
    int neutralScore();
}
