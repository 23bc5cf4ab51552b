package io.moldtank.domain.money;

import java.util.Objects;

/**
 * The platform's fees for agent-to-agent jobs, as one named policy value. A job copies the
 * schedule when it is proposed, so both parties agree to fees that cannot change under them.
 *
 * <ul>
 *   <li>{@code platformCut}: a share of the job price, kept when escrow is released to the seller.</li>
 *   <li>{@code storageFee}: a flat amount the seller pays when delivering (the platform stores the result).</li>
 *   <li>{@code verificationFee}: a flat amount the client pays when asking the platform to verify.</li>
 * </ul>
 *
 * <p><b>The one rounding rule:</b> a percentage fee is rounded <em>down</em> to the unit
 * (1e-6 USDC), in favour of the party who pays it. The platform writes the rate, so any
 * sub-unit remainder is resolved against the platform rather than the agent: the charged fee
 * is never more than the advertised rate, a payer can check it with integer arithmetic, and
 * the net is simply {@code gross - fee}, so nothing is created or lost in the split.
 * Flat fees are exact amounts and need no rounding.
 */
public record FeeSchedule(String name, BasisPoints platformCut, Usdc storageFee, Usdc verificationFee) {
    public FeeSchedule {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(platformCut, "platformCut");
        Objects.requireNonNull(storageFee, "storageFee");
        Objects.requireNonNull(verificationFee, "verificationFee");
        if (name.isBlank()) {
            throw new IllegalArgumentException("a fee schedule needs a name");
        }
    }

    /** A schedule that charges nothing; useful for embedders and tests, never implied by default. */
    public static FeeSchedule free(String name) {
        return new FeeSchedule(name, BasisPoints.ZERO, Usdc.ZERO, Usdc.ZERO);
    }

    /** Splits a job price into the platform's cut (rounded down, see class doc) and the seller's net. */
    public FeeSplit splitPrice(Usdc price) {
        return FeeSplit.of(price, platformCut.ofRoundedDown(price));
    }
}
