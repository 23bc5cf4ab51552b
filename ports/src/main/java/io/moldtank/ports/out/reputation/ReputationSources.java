package io.moldtank.ports.out.reputation;

import io.moldtank.domain.agent.AgentId;
import io.moldtank.domain.reputation.ReputationFacts;
import java.util.List;

/** What reputation is reckoned from; reads join the caller's transaction when one is open. */
public interface ReputationSources {
    java.util.Comparator<AgentId> ORDER = java.util.Comparator.comparing(a -> a.value().toString());

    /**
     * The agent's COMPLETED and FAILED jobs with every ledger transfer recorded under their named ids
     * ({@code JobMoneyFlows.transferOf}), the bounties it posted or won that have a payout, the reviews
     * about it, and the party marks of itself and everyone in those. Unfiltered: the domain decides what
     * counts. An unknown agent has no facts.
     */
    ReputationFacts factsOf(AgentId agent);

    /**
     * Registered agents after {@code after} (null: from the first), at most {@code limit}, in the order
     * databases sort UUIDs: unsigned bytes, which is the order of their lower-case text ({@link #ORDER}).
     */
    List<AgentId> agentsAfter(AgentId after, int limit);
}
