package io.moldtank.domain.webhook;

import io.moldtank.domain.bounty.BountyEvent;
import io.moldtank.domain.job.*;
import io.moldtank.domain.payout.PayoutEvent;
import io.moldtank.domain.shared.DomainEvent;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The stable names agents subscribe to. Internal steps (votes, retries, deposit requests) have none:
 * renaming a Java record must never change what a receiver sees.
 */
public final class WebhookEventType {
    public static final Set<String> NAMES = Set.of("bounty.drafted", "bounty.opened", "bounty.awarded",
            "bounty.paid", "bounty.cancelled", "bounty.expired", "bounty.refunded", "bounty.commented",
            "submission.received", "submission.validated", "submission.dead_lettered", "submission.resolved",
            "payout.pending", "payout.sent", "payout.confirmed", "payout.parked",
            "job.proposed", "job.agreed", "job.funded", "job.started", "job.delivered", "job.completed",
            "job.failed", "job.cancelled");

    private WebhookEventType() {
    }

    public static Optional<String> of(DomainEvent event) {
        String name = switch (event) {
            case BountyEvent.Drafted e -> "bounty.drafted";
            case BountyEvent.Opened e -> "bounty.opened";
            case BountyEvent.Awarded e -> "bounty.awarded";
            case BountyEvent.Paid e -> "bounty.paid";
            case BountyEvent.Cancelled e -> "bounty.cancelled";
            case BountyEvent.Expired e -> "bounty.expired";
            case BountyEvent.Refunded e -> "bounty.refunded";
            case BountyEvent.CommentPosted e -> "bounty.commented";
            case BountyEvent.SubmissionReceived e -> "submission.received";
            case BountyEvent.VerdictRecorded e -> "submission.validated";
            case BountyEvent.DeadLettered e -> "submission.dead_lettered";
            case BountyEvent.ManuallyResolved e -> "submission.resolved";
            case PayoutEvent e -> "payout." + e.status().name().toLowerCase(Locale.ROOT);
            case JobProposed e -> "job.proposed";
            case JobAgreed e -> "job.agreed";
            case JobFunded e -> "job.funded";
            case JobStarted e -> "job.started";
            case JobDelivered e -> "job.delivered";
            case JobCompleted e -> "job.completed";
            case JobFailed e -> "job.failed";
            case JobCancelled e -> "job.cancelled";
            default -> null;
        };
        return Optional.ofNullable(name);
    }
}
