package io.moldtank.domain.money;

import java.util.Objects;

/** A gross amount cut into the fee the platform keeps and the net that goes on; always {@code fee + net == gross}. */
public record FeeSplit(Usdc gross, Usdc fee, Usdc net) {
    public FeeSplit {
        Objects.requireNonNull(gross, "gross");
        Objects.requireNonNull(fee, "fee");
        Objects.requireNonNull(net, "net");
        if (!fee.plus(net).equals(gross)) {
            throw new MoneyException("fee " + fee + " + net " + net + " must equal gross " + gross);
        }
    }

    static FeeSplit of(Usdc gross, Usdc fee) {
        return new FeeSplit(gross, fee, gross.minus(fee));
    }
}
