package io.moldtank.ports.in.payout;

import io.moldtank.domain.payout.PayoutId;
import java.util.Objects;

public record ResolvePayoutCommand(PayoutId payoutId, String txHash, String operator) {
    public ResolvePayoutCommand {
        Objects.requireNonNull(payoutId, "payoutId");
        Objects.requireNonNull(txHash, "txHash");
        Objects.requireNonNull(operator, "operator");
    }
}
