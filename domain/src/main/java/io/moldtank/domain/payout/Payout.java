package io.moldtank.domain.payout;

import io.moldtank.domain.agent.AgentId;
import io.moldtank.domain.agent.WalletAddress;
import io.moldtank.domain.bounty.BountyId;
import io.moldtank.domain.bounty.SubmissionId;
import io.moldtank.domain.money.Usdc;
import io.moldtank.domain.shared.Reason;
import io.moldtank.domain.shared.Rejection;
import java.time.Instant;
import java.util.Objects;

/**
 * A row of the payout outbox: written in the same transaction as the award, then driven by a worker.
 * At most one payout exists per bounty (storage enforces it), and it always pays the awarded submission.
 * {@code wallet} is where the escrow releases to: the winner's own wallet, or — when {@code endpoint}
 * is set (x402 mode) — the platform's payout wallet, from which the rail then pays the endpoint.
 */
public record Payout(PayoutId id, BountyId bountyId, SubmissionId submissionId, AgentId winner, WalletAddress wallet,
                     Usdc amount, String endpoint, PayoutStatus status, int attempts, Instant nextAttemptAt,
                     String txHash, String receipt, String lastError, Instant createdAt, long version) {

    public enum Refusal implements Reason {
        PAYOUT_NOT_DUE, PAYOUT_NOT_SENT, PAYOUT_NOT_PARKED,
        PAYOUT_ALREADY_CONFIRMED;
    }

    public Payout {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(bountyId, "bountyId");
        Objects.requireNonNull(submissionId, "submissionId");
        Objects.requireNonNull(winner, "winner");
        Objects.requireNonNull(wallet, "wallet");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(nextAttemptAt, "nextAttemptAt");
        Objects.requireNonNull(createdAt, "createdAt");
    }

    public static Payout schedule(PayoutId id, BountyId bountyId, SubmissionId submissionId, AgentId winner,
                                  WalletAddress wallet, Usdc amount, String endpoint, Instant now) {
        return new Payout(id, bountyId, submissionId, winner, wallet, amount, endpoint, PayoutStatus.PENDING, 0, now,
                null, null, null, now, 0);
    }

    public boolean isDue(Instant now) {
        return status == PayoutStatus.PENDING && !nextAttemptAt.isAfter(now);
    }

    /** Recorded before the broadcast completes is impossible; so the tx hash is kept as soon as it is known. */
    public Payout sent(String tx, Instant now) {
        if (status != PayoutStatus.PENDING) {
            throw new Rejection(Refusal.PAYOUT_NOT_DUE, "payout is " + status);
        }
        return with(PayoutStatus.SENT, attempts + 1, now, requireTx(tx), receipt, null);
    }

    public Payout confirmed(String tx, String receipt, Instant now) {
        if (status == PayoutStatus.CONFIRMED) {
            throw new Rejection(Refusal.PAYOUT_ALREADY_CONFIRMED, "payout already confirmed with " + txHash);
        }
        return with(PayoutStatus.CONFIRMED, status == PayoutStatus.PENDING ? attempts + 1 : attempts, now,
                requireTx(tx), receipt, null);
    }

    /** A try failed: back off per the schedule, or park for a person when the tries are used up. */
    public Payout failed(String error, RetrySchedule schedule, Instant now) {
        if (status == PayoutStatus.CONFIRMED || status == PayoutStatus.PARKED) {
            throw new Rejection(Refusal.PAYOUT_NOT_DUE, "payout is " + status);
        }
        int tries = status == PayoutStatus.PENDING ? attempts + 1 : attempts;
        return schedule.delayAfter(tries)
                .map(d -> with(PayoutStatus.PENDING, tries, now.plus(d), txHash, receipt, error))
                .orElseGet(() -> with(PayoutStatus.PARKED, tries, now, txHash, receipt, error));
    }

    /** Operator action: try again from a fresh schedule. */
    public Payout retry(Instant now) {
        if (status != PayoutStatus.PARKED) {
            throw new Rejection(Refusal.PAYOUT_NOT_PARKED, "payout is " + status);
        }
        return with(PayoutStatus.PENDING, 0, now, txHash, receipt, lastError);
    }

    /**
     * Operator action for a parked payout settled by hand: records the transaction that paid the winner
     * and who vouched for it. The payout is then CONFIRMED like any other.
     */
    public Payout resolvedByOperator(String tx, String operator, Instant now) {
        if (status != PayoutStatus.PARKED) {
            throw new Rejection(Refusal.PAYOUT_NOT_PARKED, "payout is " + status);
        }
        if (operator == null || operator.isBlank()) {
            throw new IllegalArgumentException("a manual resolution names its operator");
        }
        return with(PayoutStatus.CONFIRMED, attempts, now, requireTx(tx), "resolved by " + operator, null);
    }

    private static String requireTx(String tx) {
        if (tx == null || tx.isBlank()) {
            throw new IllegalArgumentException("a payment keeps its transaction hash");
        }
        return tx;
    }

    private Payout with(PayoutStatus s, int tries, Instant next, String tx, String rcpt, String error) {
        return new Payout(id, bountyId, submissionId, winner, wallet, amount, endpoint, s, tries, next, tx, rcpt, error,
                createdAt, version);
    }

    public Payout withVersion(long next) {
        return new Payout(id, bountyId, submissionId, winner, wallet, amount, endpoint, status, attempts, nextAttemptAt,
                txHash, receipt, lastError, createdAt, next);
    }

    public PayoutEvent event(String detail, Instant now) {
        return new PayoutEvent(id, bountyId, status, attempts, txHash, detail, now);
    }
}
