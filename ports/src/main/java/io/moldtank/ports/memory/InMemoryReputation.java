package io.moldtank.ports.memory;

import io.moldtank.domain.agent.Agent;
import io.moldtank.domain.agent.AgentId;
import io.moldtank.domain.job.JobMoneyFlows;
import io.moldtank.domain.job.JobStatus;
import io.moldtank.domain.payout.Payout;
import io.moldtank.domain.reputation.BountyFact;
import io.moldtank.domain.reputation.JobFact;
import io.moldtank.domain.reputation.PartyMarks;
import io.moldtank.domain.reputation.ReputationFacts;
import io.moldtank.domain.review.Review;
import io.moldtank.ports.out.moltbook.MoltbookLinks;
import io.moldtank.ports.out.reputation.ReputationScores;
import io.moldtank.ports.out.reputation.ReputationSources;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reputation's ports over an {@link InMemoryStorage}: facts read through its public ports, scores in a
 * map. The map is not part of the storage's transactions: a transaction that rolls back after a
 * refresh leaves that score until the next refresh or sweep.
 */
public final class InMemoryReputation implements ReputationSources, ReputationScores {
    private static final List<String> STEPS = List.of(JobMoneyFlows.FUND, JobMoneyFlows.STORAGE_FEE,
            JobMoneyFlows.VERIFICATION_FEE, JobMoneyFlows.RELEASE, JobMoneyFlows.PLATFORM_CUT, JobMoneyFlows.REFUND);

    private final InMemoryStorage storage;
    private final MoltbookLinks links;
    private final Map<AgentId, Integer> scores = new ConcurrentHashMap<>();

    /** {@code links} may be null (no Moltbook identities). */
    public InMemoryReputation(InMemoryStorage storage, MoltbookLinks links) {
        this.storage = storage;
        this.links = links;
    }

    @Override
    public ReputationFacts factsOf(AgentId agent) {
        List<JobFact> jobs = storage.jobsOf(agent, Integer.MAX_VALUE).stream()
                .filter(j -> j.status() == JobStatus.COMPLETED || j.status() == JobStatus.FAILED)
                .map(j -> new JobFact(j.id(), j.parties(), j.status(), j.price(), STEPS.stream()
                        .map(step -> storage.transfer(JobMoneyFlows.transferOf(j.id(), step)))
                        .flatMap(Optional::stream).toList()))
                .toList();
        List<BountyFact> bounties = storage.allPayouts().stream()
                .map(p -> storage.loadBounty(p.bountyId()).map(b -> fact(p, b.poster())).orElse(null))
                .filter(b -> b != null && (b.poster().equals(agent) || b.winner().equals(agent)))
                .toList();
        List<Review> reviews = storage.reviewsOf(agent, Integer.MAX_VALUE);
        Set<AgentId> people = new HashSet<>(Set.of(agent));
        jobs.forEach(j -> people.addAll(List.of(j.parties().client(), j.parties().seller())));
        bounties.forEach(b -> people.addAll(List.of(b.poster(), b.winner())));
        Map<AgentId, PartyMarks> marks = new HashMap<>();
        people.forEach(p -> marks.put(p, marks(p)));
        return new ReputationFacts(agent, jobs, bounties, reviews, marks);
    }

    private static BountyFact fact(Payout p, AgentId poster) {
        // a confirmed payout's next-attempt time is when it was confirmed
        return new BountyFact(p.bountyId(), poster, p.winner(), p.amount(), p.status(), p.txHash(), p.nextAttemptAt());
    }

    private PartyMarks marks(AgentId who) {
        String key = storage.agentById(who).map(Agent::profile).map(pr -> pr.signingKey()).orElse(null);
        String owner = links == null ? null
                : links.linkOf(who).map(l -> l.identity().ownerHandle()).orElse(null);
        return new PartyMarks(key, owner);
    }

    @Override
    public List<AgentId> agentsAfter(AgentId after, int limit) {
        return storage.agentIds().stream().sorted(ReputationSources.ORDER)
                .filter(a -> after == null || ORDER.compare(a, after) > 0).limit(limit).toList();
    }

    @Override
    public void hold(AgentId agent, int initial, Instant at) {
        scores.putIfAbsent(agent, initial);
    }

    @Override
    public void save(AgentId agent, int score, Instant at) {
        scores.put(agent, score);
    }

    @Override
    public Map<AgentId, Integer> scores(Collection<AgentId> agents) {
        Map<AgentId, Integer> found = new HashMap<>();
        agents.forEach(a -> Optional.ofNullable(scores.get(a)).ifPresent(s -> found.put(a, s)));
        return found;
    }
}
