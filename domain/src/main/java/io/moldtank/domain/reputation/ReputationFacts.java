package io.moldtank.domain.reputation;

import io.moldtank.domain.agent.AgentId;
import io.moldtank.domain.review.Review;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Everything storage knows that could bear on one agent's reputation: the jobs it was party to (with
 * their ledger transfers), the bounties it posted or won that have a payout, the reviews about it, and
 * the party marks of itself and of everyone it dealt with. Storage hands these over unfiltered;
 * {@link Reckoning} decides what counts.
 */
public record ReputationFacts(AgentId agent, List<JobFact> jobs, List<BountyFact> bounties, List<Review> reviews,
                              Map<AgentId, PartyMarks> marks) {
    public ReputationFacts {
        Objects.requireNonNull(agent, "agent");
        jobs = List.copyOf(jobs);
        bounties = List.copyOf(bounties);
        reviews = List.copyOf(reviews);
        marks = Map.copyOf(marks);
    }

    public static ReputationFacts none(AgentId agent) {
        return new ReputationFacts(agent, List.of(), List.of(), List.of(), Map.of());
    }

    public PartyMarks marksOf(AgentId who) {
        return marks.getOrDefault(who, PartyMarks.NONE);
    }

    /** Whether {@code other} is run by the same party as this agent (or is this agent). */
    public boolean sameParty(AgentId other) {
        return agent.equals(other) || marksOf(agent).sameParty(marksOf(other));
    }
}
