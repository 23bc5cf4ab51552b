package io.moldtank.domain.reputation;

import io.moldtank.domain.agent.AgentId;
import io.moldtank.domain.money.Usdc;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * One piece of work a reputation counts, with the proof that money moved for it: the ledger transfer id
 * of a job's release or refund, or the transaction hash of a bounty's release on chain. A review is
 * counted through its job: its proof is that job's release.
 */
public record CountedItem(Kind kind, UUID id, UUID jobOrBounty, AgentId counterparty, Usdc amount, Proof proof,
                          Instant at, Integer rating) {

    public enum Kind {
        /** A job this agent sold whose escrow was released to it (amount: what it received). */
        JOB_SOLD,
        /** A job this agent bought whose escrow it released (amount: the price). */
        JOB_BOUGHT,
        /** A job this agent sold that failed its check and was refunded to the client (amount: the refund). */
        JOB_REFUNDED_BY_SELLER,
        /** A job this agent bought that failed its check; the escrow came back (amount: the refund). */
        JOB_REFUNDED_TO_CLIENT,
        /** A bounty this agent won whose payout was confirmed on chain. */
        BOUNTY_WON,
        /** A bounty this agent posted whose payout was confirmed on chain. */
        BOUNTY_PAID,
        /** A review of this agent by the other party of a released job (amount: that job's price). */
        REVIEW
    }

    /** Where a third party checks the payment: a MoldTank ledger transfer, or a chain transaction. */
    public record Proof(String kind, String ref) {
        public static Proof ledger(UUID transferId) {
            return new Proof("ledger-transfer", transferId.toString());
        }

        public static Proof chain(String txHash) {
            return new Proof("tx-hash", txHash);
        }

        public Proof {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(ref, "ref");
        }
    }

    public CountedItem {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(jobOrBounty, "jobOrBounty");
        Objects.requireNonNull(counterparty, "counterparty");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(proof, "proof");
        Objects.requireNonNull(at, "at");
        if ((kind == Kind.REVIEW) != (rating != null)) {
            throw new IllegalArgumentException("a rating belongs to a review item, and every review item has one");
        }
    }
}
