package io.moldtank.ports.service;

import io.moldtank.domain.agent.AgentId;
import io.moldtank.domain.reputation.Reckoning;
import io.moldtank.domain.reputation.Reputation;
import io.moldtank.ports.in.Outcome;
import io.moldtank.ports.in.reputation.ReputationUseCases;
import io.moldtank.ports.out.reputation.ReputationScores;
import io.moldtank.ports.out.reputation.ReputationSources;
import io.moldtank.ports.out.storage.AgentDirectory;
import io.moldtank.ports.out.storage.Transactions;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Reckons reputations from storage's facts with the domain's {@link Reckoning}. A profile or an export
 * reckons afresh (nothing is written on a read); kept scores, which discovery sorts by, are refreshed in
 * the transaction of every job verdict, bounty payment and review ({@link ReputationOnEvents},
 * {@link ReputationOnReviews}), and by a slow {@link #sweep} that also catches what no event announces
 * (agents found to share a key or a Moltbook owner later).
 */
public final class ReckoningReputation implements ReputationUseCases {
    private final Transactions tx;
    private final AgentDirectory agents;
    private final ReputationSources sources;
    private final ReputationScores scores;
    private final Reckoning rules;
    private final Clock clock;
    private final Consumer<String> refreshed;
    private AgentId sweptTo;

    /** {@code refreshed} hears the trigger ("event", "review", "sweep") of every agent reckoned and kept. */
    public ReckoningReputation(Transactions tx, AgentDirectory agents, ReputationSources sources,
                               ReputationScores scores, Reckoning rules, Clock clock, Consumer<String> refreshed) {
        this.tx = Objects.requireNonNull(tx, "tx");
        this.agents = Objects.requireNonNull(agents, "agents");
        this.sources = Objects.requireNonNull(sources, "sources");
        this.scores = Objects.requireNonNull(scores, "scores");
        this.rules = Objects.requireNonNull(rules, "rules");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.refreshed = Objects.requireNonNull(refreshed, "refreshed");
    }

    @Override
    public Outcome<Reputation> reputationOf(AgentId agent) {
        return tx.inTransaction(() -> agents.agentById(agent).isEmpty() ? Outcome.<Reputation>notFound("agent", agent)
                : Outcome.done(rules.of(sources.factsOf(agent))));
    }

    @Override
    public void refresh(Collection<AgentId> who) {
        refresh(who, "event");
    }

    @Override
    public int neutralScore() {
        return rules.score().neutral();
    }

    /** Locks in id order, so two transactions refreshing the same pair never wait on each other in a circle. */
    void refresh(Collection<AgentId> who, String trigger) {
        tx.inTransaction(() -> {
            for (AgentId agent : who.stream().distinct().sorted(ReputationSources.ORDER).toList()) {
                scores.hold(agent, neutralScore(), clock.instant());
                scores.save(agent, rules.of(sources.factsOf(agent)).score(), clock.instant());
                refreshed.accept(trigger);
            }
            return null;
        });
    }

    /**
     * Reckons the next {@code batch} agents (in id order, wrapping around) and refreshes, each in a
     * transaction of its own, only those whose kept score is wrong (a missing one counts as neutral): a
     * sweep that finds everything right writes nothing. Returns how many it refreshed. Run by one
     * background thread.
     */
    public synchronized int sweep(int batch) {
        List<AgentId> next = sources.agentsAfter(sweptTo, batch);
        sweptTo = next.isEmpty() ? null : next.getLast();
        Map<AgentId, Integer> kept = scores.scores(next);
        int refreshed = 0;
        for (AgentId agent : next) {
            int score = rules.of(sources.factsOf(agent)).score();
            if (kept.getOrDefault(agent, neutralScore()) != score) {
                refresh(List.of(agent), "sweep");
                refreshed++;
            }
        }
        return refreshed;
    }
}
