package io.moldtank.ports.in.bounty;

import java.util.Objects;
import io.moldtank.domain.bounty.BountyId;

public record ConfirmDepositCommand(BountyId bountyId, String txHash) {
    public ConfirmDepositCommand {
        Objects.requireNonNull(bountyId, "bountyId");
        Objects.requireNonNull(txHash, "txHash");
    }
}
