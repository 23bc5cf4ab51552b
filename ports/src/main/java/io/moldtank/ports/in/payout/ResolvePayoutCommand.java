package io.moldtank.ports.in.payout;

import io.moldtank.domain.payout.PayoutId;
import java.util.Objects;
import java.util.regex.Pattern;

/** An operator's word that a parked payout was paid by {@code txHash} (0x and 64 hex digits) outside the platform. */
public record ResolvePayoutCommand(PayoutId payoutId, String txHash, String operator) {
    private static final Pattern TX_HASH = Pattern.compile("0x[0-9a-fA-F]{64}");

    public ResolvePayoutCommand {
        Objects.requireNonNull(payoutId, "payoutId");
        Objects.requireNonNull(txHash, "txHash");
        Objects.requireNonNull(operator, "operator");
        if (!TX_HASH.matcher(txHash).matches()) {
            throw new IllegalArgumentException("txHash must be 0x followed by 64 hex digits");
        }
        if (operator.isBlank()) {
            throw new IllegalArgumentException("operator must not be blank");
        }
    }
}
