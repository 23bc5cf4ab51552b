package io.moldtank.domain.reputation;

import io.moldtank.domain.money.Usdc;
import java.math.BigInteger;
import java.util.List;
import java.util.Objects;

/**
 * The one number discovery sorts and filters by, 0..100: {@code floor(100 × R × S)}.
 * <ul>
 * <li>R, the rating share: counted ratings mapped to 0..1 ({@code (rating − 1) / 4}), each weighted by
 * its job's price, averaged together with a neutral prior of 0.5 weighing {@link #prior()};</li>
 * <li>S, the success share: the price of checked jobs the agent sold that were released, over the price
 * of all its checked jobs, with the same prior at 0.5.</li>
 * </ul>
 * Weighting by the money at stake means ten reviews of 0.01 USDC jobs weigh what one review of a 0.10
 * job weighs, and faking weight costs the platform cut of that weight (plus flat fees). The prior keeps
 * a newcomer at 25 and stops a few small jobs from making anyone 100. Exact integer arithmetic.
 */
public record ReputationScore(Usdc prior) {
    public static final ReputationScore STANDARD = new ReputationScore(Usdc.ofWhole(10));
    public static final int MAX = 100;

    /** One counted rating (1..5) and the price of the job it is about. */
    public record Weighted(int rating, Usdc weight) {
        public Weighted {
            if (rating < 1 || rating > 5) {
                throw new IllegalArgumentException("rating must be 1..5");
            }
            Objects.requireNonNull(weight, "weight");
        }
    }

    public ReputationScore {
        Objects.requireNonNull(prior, "prior");
        if (prior.isZero()) {
            throw new IllegalArgumentException("the prior needs a weight");
        }
    }

    /** The score of an agent with nothing counted yet. */
    public int neutral() {
        return of(List.of(), Usdc.ZERO, Usdc.ZERO);
    }

    /** {@code succeeded}: price of released checked jobs sold; {@code checked}: price of all checked jobs sold. */
    public int of(List<Weighted> ratings, Usdc succeeded, Usdc checked) {
        if (succeeded.isGreaterThan(checked)) {
            throw new IllegalArgumentException("more succeeded than checked");
        }
        BigInteger p = BigInteger.valueOf(prior.units());
        BigInteger weights = BigInteger.ZERO;
        BigInteger points = BigInteger.ZERO;
        for (Weighted w : ratings) {
            BigInteger units = BigInteger.valueOf(w.weight().units());
            weights = weights.add(units);
            points = points.add(units.multiply(BigInteger.valueOf(w.rating() - 1L)));
        }
        // R = (points + 2p) / (4 (weights + p)); S = (2 succeeded + p) / (2 (checked + p))
        BigInteger rNum = points.add(p.shiftLeft(1));
        BigInteger rDen = weights.add(p).shiftLeft(2);
        BigInteger sNum = BigInteger.valueOf(succeeded.units()).shiftLeft(1).add(p);
        BigInteger sDen = BigInteger.valueOf(checked.units()).add(p).shiftLeft(1);
        return BigInteger.valueOf(MAX).multiply(rNum).multiply(sNum).divide(rDen.multiply(sDen)).intValueExact();
    }
}
