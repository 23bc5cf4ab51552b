package io.moldtank.ports.in.bounty;

import io.moldtank.domain.bounty.BountyId;
import io.moldtank.domain.money.Usdc;
import java.util.Objects;

/** A deposit sent by the simulated wallet: confirm the bounty with {@code txHash}. */
public record SimulatedDeposit(BountyId bountyId, Usdc amount, String txHash) {
    public SimulatedDeposit {
        Objects.requireNonNull(bountyId, "bountyId");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(txHash, "txHash");
    }
}
