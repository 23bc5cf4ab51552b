package io.moldtank.domain.reputation;

import io.moldtank.domain.agent.AgentId;
import io.moldtank.domain.bounty.BountyId;
import io.moldtank.domain.money.Usdc;
import io.moldtank.domain.payout.PayoutStatus;
import java.time.Instant;
import java.util.Objects;

/**
 * A bounty with a payout row: who posted it, who won it, what the payout says. Counted only when the
 * payout is CONFIRMED with the transaction hash of its release ({@code paidAt}: when it was confirmed).
 */
public record BountyFact(BountyId id, AgentId poster, AgentId winner, Usdc amount, PayoutStatus payout,
                         String txHash, Instant paidAt) {
    public BountyFact {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(poster, "poster");
        Objects.requireNonNull(winner, "winner");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(payout, "payout");
        Objects.requireNonNull(paidAt, "paidAt");
    }
}
