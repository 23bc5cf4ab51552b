package io.moldtank.domain.reconciliation;

import io.moldtank.domain.bounty.BountyId;
import io.moldtank.domain.shared.Reason;
import java.util.Objects;

/**
 * A difference between the chain and the books that reconciliation must not repair on its own: it
 * goes in front of an operator. {@code txHash} is the chain transaction concerned, or "" when the
 * chain has none (a deposit or release the books claim but the chain lacks).
 */
public record Difference(Kind kind, BountyId bountyId, String txHash, String detail) {

    public enum Kind implements Reason {
        /** Money in escrow for a bounty the books do not have: the poster paid and nothing records why. */
        DEPOSIT_FOR_UNKNOWN_BOUNTY,
        /** A deposit whose amount, payer or hash differs from what the books expect or recorded. */
        DEPOSIT_MISMATCH,
        /** A deposit that reached the chain for a bounty the books no longer fund (cancelled, expired). */
        DEPOSIT_NOT_IN_BOOKS,
        /** The books count a deposit the chain does not have. */
        DEPOSIT_NOT_ON_CHAIN,
        /** A release the books never ordered, or to another wallet or amount than the payout says. */
        RELEASE_MISMATCH,
        /** The books count a payment the chain does not have. */
        PAID_NOT_ON_CHAIN,
        /** Released on chain; the winner's x402 payment is parked and needs an operator's retry. */
        RELEASE_AWAITS_X402,
        /** A refund on chain the books do not record, and cannot (the bounty was awarded or paid). */
        REFUND_MISMATCH,
        EMERGENCY_WITHDRAWAL,
        /** A repair the domain refused (e.g. a deposit confirmed after the bounty's deadline). */
        REPAIR_REFUSED
    }

    public Difference {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(bountyId, "bountyId");
        Objects.requireNonNull(detail, "detail");
        txHash = txHash == null ? "" : txHash;
    }
}
