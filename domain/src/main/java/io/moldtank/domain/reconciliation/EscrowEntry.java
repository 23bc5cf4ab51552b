package io.moldtank.domain.reconciliation;

import io.moldtank.domain.agent.WalletAddress;
import io.moldtank.domain.bounty.BountyId;
import io.moldtank.domain.money.Usdc;
import java.util.Locale;
import java.util.Objects;

/**
 * One confirmed movement of the escrow contract, as the chain tells it: the source of truth that
 * the books are reconciled with. {@code party} is the payer of a deposit and the recipient otherwise.
 */
public record EscrowEntry(Kind kind, BountyId bountyId, String txHash, WalletAddress party, Usdc amount) {

    public enum Kind {
        DEPOSIT,
        /** Released to the winner (also when the contract deferred the transfer to the winner's owed balance). */
        RELEASE,
        REFUND,
        /** The multisig's emergency withdrawal: never part of the normal flow, always shown to an operator. */
        EMERGENCY_WITHDRAWAL
    }

    public EscrowEntry {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(bountyId, "bountyId");
        Objects.requireNonNull(party, "party");
        Objects.requireNonNull(amount, "amount");
        if (txHash == null || txHash.isBlank()) {
            throw new IllegalArgumentException("an escrow entry keeps its transaction hash");
        }
        txHash = txHash.toLowerCase(Locale.ROOT);
    }
}
