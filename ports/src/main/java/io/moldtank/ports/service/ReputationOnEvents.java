package io.moldtank.ports.service;

import io.moldtank.domain.agent.AgentId;
import io.moldtank.domain.bounty.Bounty;
import io.moldtank.domain.bounty.BountyEvent;
import io.moldtank.domain.job.JobCompleted;
import io.moldtank.domain.job.JobFailed;
import io.moldtank.domain.payout.Payout;
import io.moldtank.domain.shared.DomainEvent;
import io.moldtank.ports.out.events.PublishEvents;
import io.moldtank.ports.out.storage.LoadBounty;
import io.moldtank.ports.out.storage.PayoutOutbox;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Wraps the event log: when a job's verdict moves its escrow (completed or failed) or a bounty is paid,
 * both parties' kept scores are reckoned again in the same transaction, so discovery never sorts by a
 * score that misses committed work.
 */
public final class ReputationOnEvents implements PublishEvents {
    private final PublishEvents log;
    private final ReckoningReputation reputation;
    private final LoadBounty bounties;
    private final PayoutOutbox payouts;

    public ReputationOnEvents(PublishEvents log, ReckoningReputation reputation, LoadBounty bounties,
                              PayoutOutbox payouts) {
        this.log = log;
        this.reputation = reputation;
        this.bounties = bounties;
        this.payouts = payouts;
    }

    @Override
    public void publish(List<DomainEvent> events) {
        log.publish(events);
        Set<AgentId> parties = new LinkedHashSet<>();
        for (DomainEvent event : events) {
            switch (event) {
                case JobCompleted e -> parties.addAll(List.of(e.parties().client(), e.parties().seller()));
                case JobFailed e -> parties.addAll(List.of(e.parties().client(), e.parties().seller()));
                case BountyEvent.Paid e -> {
                    bounties.loadBounty(e.bountyId()).map(Bounty::poster).ifPresent(parties::add);
                    payouts.payoutOf(e.bountyId()).map(Payout::winner).ifPresent(parties::add);
                }
                default -> { }
            }
        }
        if (!parties.isEmpty()) {
            reputation.refresh(parties, "event");
        }
    }
}
