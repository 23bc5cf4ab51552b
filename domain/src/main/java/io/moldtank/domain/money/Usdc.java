package io.moldtank.domain.money;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;

/**
 * An amount of USDC in its smallest unit (6 decimals: 1 USDC = 1_000_000 units).
 * Never negative; arithmetic is overflow-checked. Decimal strings exist only at the edges
 * ({@link #parse(String)}, {@link #toDecimalString()}).
 */
public record Usdc(long units) implements Comparable<Usdc> {
    public static final int DECIMALS = 6;
    public static final long UNITS_PER_USDC = 1_000_000L;
    public static final Usdc ZERO = new Usdc(0);

    public Usdc {
        if (units < 0) {
            throw new MoneyException("USDC amount cannot be negative: " + units + " units");
        }
    }

    public static Usdc ofUnits(long units) {
        return new Usdc(units);
    }

    public static Usdc ofWhole(long usdc) {
        try {
            return new Usdc(Math.multiplyExact(usdc, UNITS_PER_USDC));
        } catch (ArithmeticException e) {
            throw new MoneyException("USDC amount too large: " + usdc);
        }
    }

    /** Parses a decimal string such as {@code "12.5"}; more than 6 decimals is refused, never rounded. */
    public static Usdc parse(String text) {
        if (text == null || !text.matches("\\d{1,13}(\\.\\d{1,6})?")) {
            throw new MoneyException("not a USDC amount (up to 6 decimals, no sign): " + text);
        }
        BigDecimal units = new BigDecimal(text).movePointRight(DECIMALS);
        try {
            return new Usdc(units.longValueExact());
        } catch (ArithmeticException e) {
            // 13 integer digits pass the pattern but can exceed a long's worth of units.
            throw new MoneyException("USDC amount too large: " + text);
        }
    }

    public static Usdc fromOnChain(BigInteger units) {
        if (units.signum() < 0 || units.bitLength() > 63) {
            throw new MoneyException("on-chain amount out of range: " + units);
        }
        return new Usdc(units.longValueExact());
    }

    public BigInteger toOnChain() {
        return BigInteger.valueOf(units);
    }

    public String toDecimalString() {
        return BigDecimal.valueOf(units, DECIMALS).setScale(DECIMALS, RoundingMode.UNNECESSARY).toPlainString();
    }

    public Usdc plus(Usdc other) {
        try {
            return new Usdc(Math.addExact(units, other.units));
        } catch (ArithmeticException e) {
            throw new MoneyException("USDC overflow adding " + other.units + " to " + units);
        }
    }

    public Usdc minus(Usdc other) {
        if (other.units > units) {
            throw new MoneyException("USDC underflow: " + units + " - " + other.units);
        }
        return new Usdc(units - other.units);
    }

    public boolean isZero() {
        return units == 0;
    }

    public boolean isGreaterThan(Usdc other) {
        return units > other.units;
    }

    @Override
    public int compareTo(Usdc o) {
        return Long.compare(units, o.units);
    }

    @Override
    public String toString() {
        return toDecimalString() + " USDC";
    }
}
