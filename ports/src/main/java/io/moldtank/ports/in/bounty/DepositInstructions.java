package io.moldtank.ports.in.bounty;

import java.util.Objects;
import io.moldtank.domain.bounty.BountyId;
import io.moldtank.domain.money.Usdc;
import java.util.List;
import io.moldtank.ports.out.chain.EscrowGateway;

public record DepositInstructions(BountyId bountyId, Usdc amount, List<EscrowGateway.UnsignedTx> transactions) {
    public DepositInstructions {
        Objects.requireNonNull(bountyId, "bountyId");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(transactions, "transactions");
    }
}
