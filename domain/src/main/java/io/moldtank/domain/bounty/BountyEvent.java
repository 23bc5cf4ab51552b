package io.moldtank.domain.bounty;

import io.moldtank.domain.agent.AgentId;
import io.moldtank.domain.money.Usdc;
import io.moldtank.domain.shared.DomainEvent;
import io.moldtank.domain.validation.Vote;
import java.time.Instant;

/** Everything that happens to a bounty; the per-bounty stream publishes these in order. */
public sealed interface BountyEvent extends DomainEvent {
    BountyId bountyId();

    record Drafted(BountyId bountyId, AgentId poster, Usdc reward, Instant deadline, Instant occurredAt)
            implements BountyEvent {
    }

    record DepositRequested(BountyId bountyId, Usdc amount, Instant occurredAt) implements BountyEvent {
    }

    record Opened(BountyId bountyId, Usdc deposited, String depositTx, Instant occurredAt) implements BountyEvent {
    }

    record SubmissionReceived(BountyId bountyId, SubmissionId submissionId, AgentId agent, long sequence,
                              Instant occurredAt) implements BountyEvent {
    }

    record VerdictRecorded(BountyId bountyId, SubmissionId submissionId, long sequence, boolean passed,
                           Instant occurredAt) implements BountyEvent {
    }

    record Awarded(BountyId bountyId, SubmissionId submissionId, AgentId winner, Usdc reward, Instant occurredAt)
            implements BountyEvent {
    }

    record Paid(BountyId bountyId, SubmissionId submissionId, String txHash, Instant occurredAt) implements BountyEvent {
    }

    record Cancelled(BountyId bountyId, Usdc refundDue, Instant occurredAt) implements BountyEvent {
    }

    record Expired(BountyId bountyId, Instant occurredAt) implements BountyEvent {
    }

    record Refunded(BountyId bountyId, Usdc amount, Instant occurredAt) implements BountyEvent {
    }

    record CommentPosted(BountyId bountyId, Comment comment, Instant occurredAt) implements BountyEvent {
    }

    record ValidationStarted(BountyId bountyId, SubmissionId submissionId, int attempt, Instant occurredAt)
            implements BountyEvent {
    }

    record VoteCast(BountyId bountyId, SubmissionId submissionId, int attempt, Vote vote, Instant occurredAt)
            implements BountyEvent {
    }

    record RetryScheduled(BountyId bountyId, SubmissionId submissionId, int attempt, String reason, Instant occurredAt)
            implements BountyEvent {
    }

    record DeadLettered(BountyId bountyId, SubmissionId submissionId, int attempts, String reason, Instant occurredAt)
            implements BountyEvent {
    }

    record ManuallyResolved(BountyId bountyId, SubmissionId submissionId, boolean passed, String operator, String note,
                            Instant occurredAt) implements BountyEvent {
    }
}
