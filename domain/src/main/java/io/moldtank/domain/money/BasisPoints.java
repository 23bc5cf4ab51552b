package io.moldtank.domain.money;

/**
 * A rate in hundredths of a percent (250 bps = 2.5 %), between 0 and 100 %. Kept as an integer
 * so a rate can never drift through floating point on its way to a fee.
 */
public record BasisPoints(int value) {
    public static final int WHOLE = 10_000;
    public static final BasisPoints ZERO = new BasisPoints(0);

    public BasisPoints {
        if (value < 0 || value > WHOLE) {
            throw new MoneyException("basis points must be between 0 and " + WHOLE + ": " + value);
        }
    }

    public static BasisPoints of(int value) {
        return new BasisPoints(value);
    }

    /**
     * This rate of {@code amount}, rounded down to the unit. Splitting the amount into whole
     * ten-thousandths and a remainder keeps every intermediate below {@code amount}, so no
     * amount a {@link Usdc} can hold overflows and no {@code BigInteger} is needed.
     */
    public Usdc ofRoundedDown(Usdc amount) {
        long units = amount.units();
        long whole = (units / WHOLE) * value;
        long remainder = (units % WHOLE) * value / WHOLE;
        return Usdc.ofUnits(whole + remainder);
    }

    @Override
    public String toString() {
        return value + " bps";
    }
}
