package io.moldtank.ports.service;

import io.moldtank.domain.agent.AgentId;
import io.moldtank.domain.bounty.Bounty;
import io.moldtank.domain.bounty.BountyEvent;
import io.moldtank.domain.bounty.BountyId;
import io.moldtank.domain.bounty.SubmissionId;
import io.moldtank.domain.job.JobEvent;
import io.moldtank.domain.payout.PayoutEvent;
import io.moldtank.domain.shared.DomainEvent;
import io.moldtank.domain.webhook.WebhookEndpoint;
import io.moldtank.domain.webhook.WebhookEventType;
import io.moldtank.ports.out.events.PublishEvents;
import io.moldtank.ports.out.storage.JobStore;
import io.moldtank.ports.out.storage.LoadBounty;
import io.moldtank.ports.out.storage.LoadSubmission;
import io.moldtank.ports.out.storage.Transactions;
import io.moldtank.ports.out.webhook.WebhookStore;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Wraps the event log: every published event that has a webhook type is enqueued, in the same
 * transaction, for the endpoints of the agents party to it — a bounty's poster, the submitter of a
 * submission, the winner; a job's client and seller. A crash therefore loses an event and its deliveries
 * together or neither.
 */
public final class WebhookFanout implements PublishEvents {
    private final PublishEvents log;
    private final Transactions tx;
    private final LoadBounty bounties;
    private final LoadSubmission submissions;
    private final JobStore jobs;
    private final WebhookStore store;

    /** {@code jobs} may be null when the registry is not wired. */
    public WebhookFanout(PublishEvents log, Transactions tx, LoadBounty bounties, LoadSubmission submissions,
                         JobStore jobs, WebhookStore store) {
        this.log = log;
        this.tx = tx;
        this.bounties = bounties;
        this.submissions = submissions;
        this.jobs = jobs;
        this.store = store;
    }

    @Override
    public void publish(List<DomainEvent> events) {
        tx.inTransaction(() -> {
            log.publish(events);
            for (DomainEvent event : events) {
                WebhookEventType.of(event).ifPresent(type -> fanOut(type, event));
            }
            return null;
        });
    }

    private void fanOut(String type, DomainEvent event) {
        String payload = null;
        for (AgentId agent : parties(event)) {
            List<UUID> targets = store.endpointsOf(agent).stream().filter(e -> e.wants(type))
                    .map(WebhookEndpoint::id).toList();
            if (!targets.isEmpty()) {
                payload = payload != null ? payload : WebhookPayload.of(type, event);
                store.enqueue(agent, type, payload, event.occurredAt(), targets);
            }
        }
    }

    /** Who may hear of the event: never an agent that is not party to its bounty or job. */
    Set<AgentId> parties(DomainEvent event) {
        Set<AgentId> parties = new LinkedHashSet<>();
        switch (event) {
            case BountyEvent e -> {
                bounties.loadBounty(e.bountyId()).map(Bounty::poster).ifPresent(parties::add);
                switch (e) {
                    case BountyEvent.SubmissionReceived s -> parties.add(s.agent());
                    case BountyEvent.VerdictRecorded v -> submitter(v.submissionId(), parties);
                    case BountyEvent.Awarded a -> parties.add(a.winner());
                    case BountyEvent.Paid p -> submitter(p.submissionId(), parties);
                    case BountyEvent.DeadLettered d -> submitter(d.submissionId(), parties);
                    case BountyEvent.ManuallyResolved m -> submitter(m.submissionId(), parties);
                    default -> { }
                }
            }
            case PayoutEvent p -> {
                winnerAndPoster(p.bountyId(), parties);
            }
            case JobEvent j -> {
                if (jobs != null) {
                    jobs.loadJob(j.jobId()).ifPresent(v -> {
                        parties.add(v.value().snapshot().parties().client());
                        parties.add(v.value().snapshot().parties().seller());
                    });
                }
            }
            default -> { }
        }
        return parties;
    }

    private void winnerAndPoster(BountyId id, Set<AgentId> parties) {
        bounties.loadBounty(id).ifPresent(b -> {
            parties.add(b.poster());
            SubmissionId winner = b.snapshot().winner();
            if (winner != null) {
                submitter(winner, parties);
            }
        });
    }

    private void submitter(SubmissionId id, Set<AgentId> parties) {
        submissions.loadSubmission(id).ifPresent(s -> parties.add(s.agent()));
    }
}
