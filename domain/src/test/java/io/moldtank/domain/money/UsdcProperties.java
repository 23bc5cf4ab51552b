package io.moldtank.domain.money;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Positive;

class UsdcProperties {

    @Property
    void formatting_then_parsing_gives_back_the_same_amount(@ForAll @LongRange(min = 0, max = Long.MAX_VALUE) long units) {
        Usdc amount = Usdc.ofUnits(units);
        assertThat(Usdc.parse(amount.toDecimalString())).isEqualTo(amount);
    }

    @Property
    void on_chain_conversion_round_trips(@ForAll @LongRange(min = 0, max = Long.MAX_VALUE) long units) {
        Usdc amount = Usdc.ofUnits(units);
        assertThat(Usdc.fromOnChain(amount.toOnChain())).isEqualTo(amount);
    }

    @Property
    void a_seventh_decimal_is_refused_never_rounded(@ForAll @LongRange(min = 0, max = 999_999) long whole,
                                                    @ForAll @LongRange(min = 0, max = 999_999) long micros,
                                                    @ForAll @LongRange(min = 1, max = 9) long seventh) {
        String text = whole + "." + String.format("%06d", micros) + seventh;
        assertThatThrownBy(() -> Usdc.parse(text)).isInstanceOf(MoneyException.class);
    }

    @Property
    void addition_is_exact_or_refused(@ForAll @Positive long a, @ForAll @Positive long b) {
        BigInteger exact = BigInteger.valueOf(a).add(BigInteger.valueOf(b));
        if (exact.bitLength() > 63) {
            assertThatThrownBy(() -> Usdc.ofUnits(a).plus(Usdc.ofUnits(b))).isInstanceOf(MoneyException.class);
        } else {
            assertThat(Usdc.ofUnits(a).plus(Usdc.ofUnits(b)).toOnChain()).isEqualTo(exact);
        }
    }
}
