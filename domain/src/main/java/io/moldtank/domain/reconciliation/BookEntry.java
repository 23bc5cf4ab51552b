package io.moldtank.domain.reconciliation;

import io.moldtank.domain.agent.WalletAddress;
import io.moldtank.domain.bounty.BountyId;
import io.moldtank.domain.bounty.BountyStatus;
import io.moldtank.domain.money.Usdc;
import io.moldtank.domain.payout.PayoutId;
import io.moldtank.domain.payout.PayoutStatus;
import java.util.Objects;
import java.util.Optional;

/**
 * What the books say of one bounty's money: its state, reward, poster's wallet and recorded deposit,
 * and its payout when one was awarded. {@code depositTx} is null until a deposit was confirmed.
 */
public record BookEntry(BountyId bountyId, BountyStatus status, Usdc reward, WalletAddress posterWallet,
                        String depositTx, Optional<PayoutBook> payout) {

    public BookEntry {
        Objects.requireNonNull(bountyId, "bountyId");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(reward, "reward");
        Objects.requireNonNull(posterWallet, "posterWallet");
        Objects.requireNonNull(payout, "payout");
    }

    /** The payout row: {@code viaEndpoint} when the winner is paid through an x402 endpoint after the release. */
    public record PayoutBook(PayoutId id, PayoutStatus status, WalletAddress wallet, Usdc amount, String txHash,
                             boolean viaEndpoint) {
        public PayoutBook {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(status, "status");
            Objects.requireNonNull(wallet, "wallet");
            Objects.requireNonNull(amount, "amount");
        }
    }
}
