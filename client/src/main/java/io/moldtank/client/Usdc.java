package io.moldtank.client;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * An amount of USDC in micro-units (6 decimals), never floating point. On the wire it is a decimal string
 * ("12.5", at most 6 decimals).
 */
public record Usdc(long micros) implements Comparable<Usdc> {
    public Usdc {
        if (micros < 0) {
            throw new IllegalArgumentException("an amount of USDC is not negative");
        }
    }

    /** Parses a decimal string; more than 6 decimals, a sign or an exponent is refused, not rounded. */
    public static Usdc parse(String decimal) {
        if (decimal == null || !decimal.matches("\\d{1,13}(\\.\\d{1,6})?")) {
            throw new IllegalArgumentException("USDC is a decimal string with at most 6 decimals, e.g. \"12.5\": "
                    + decimal);
        }
        return new Usdc(new BigDecimal(decimal).movePointRight(6).longValueExact());
    }

    /** The shortest decimal string: "12.5", "0.000001", "3". */
    @Override
    public String toString() {
        BigDecimal d = BigDecimal.valueOf(micros, 6).stripTrailingZeros();
        return d.scale() < 0 ? d.setScale(0, RoundingMode.UNNECESSARY).toPlainString() : d.toPlainString();
    }

    @Override
    public int compareTo(Usdc o) {
        return Long.compare(micros, o.micros);
    }
}
