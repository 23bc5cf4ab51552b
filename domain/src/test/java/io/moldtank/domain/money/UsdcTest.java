package io.moldtank.domain.money;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class UsdcTest {

    @Test
    void a_decimal_string_becomes_whole_units_of_one_millionth() {
        assertThat(Usdc.parse("12.5")).isEqualTo(Usdc.ofUnits(12_500_000));
        assertThat(Usdc.parse("0.000001")).isEqualTo(Usdc.ofUnits(1));
        assertThat(Usdc.parse("7")).isEqualTo(Usdc.ofWhole(7));
    }

    @Test
    void formatting_always_writes_six_decimals() {
        assertThat(Usdc.ofUnits(12_500_000).toDecimalString()).isEqualTo("12.500000");
        assertThat(Usdc.ZERO.toDecimalString()).isEqualTo("0.000000");
        assertThat(Usdc.ofUnits(Long.MAX_VALUE).toDecimalString()).isEqualTo("9223372036854.775807");
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.0000001", "0.1234567", "-1", "-0.5", "+1", "", " 1", "1 ", "1,5", "1e6",
        "abc", "1.", ".5", "0x10", "NaN", "１"})
    void strings_that_are_not_plain_amounts_with_up_to_six_decimals_are_refused(String text) {
        assertThatThrownBy(() -> Usdc.parse(text)).isInstanceOf(MoneyException.class);
    }

    @Test
    void a_missing_string_is_refused_as_money_not_as_a_null_pointer() {
        assertThatThrownBy(() -> Usdc.parse(null)).isInstanceOf(MoneyException.class);
    }

    @Test
    void an_amount_beyond_a_long_of_units_is_refused_when_parsed() {
        assertThat(Usdc.parse("9223372036854.775807").units()).isEqualTo(Long.MAX_VALUE);
        assertThatThrownBy(() -> Usdc.parse("9223372036854.775808")).isInstanceOf(MoneyException.class);
        assertThatThrownBy(() -> Usdc.parse("9999999999999")).isInstanceOf(MoneyException.class);
    }

    @Test
    void negative_amounts_cannot_be_built() {
        assertThatThrownBy(() -> Usdc.ofUnits(-1)).isInstanceOf(MoneyException.class);
        assertThatThrownBy(() -> Usdc.ofWhole(-1)).isInstanceOf(MoneyException.class);
    }

    @Test
    void arithmetic_refuses_to_overflow_or_go_below_zero() {
        Usdc max = Usdc.ofUnits(Long.MAX_VALUE);
        assertThatThrownBy(() -> max.plus(Usdc.ofUnits(1))).isInstanceOf(MoneyException.class);
        assertThatThrownBy(() -> Usdc.ofWhole(Long.MAX_VALUE / 1_000_000 + 1)).isInstanceOf(MoneyException.class);
        assertThatThrownBy(() -> Usdc.ofUnits(1).minus(Usdc.ofUnits(2))).isInstanceOf(MoneyException.class);
    }

    @Test
    void on_chain_amounts_convert_both_ways_and_out_of_range_ones_are_refused() {
        assertThat(Usdc.ofUnits(1_500_000).toOnChain()).isEqualTo(BigInteger.valueOf(1_500_000));
        assertThat(Usdc.fromOnChain(BigInteger.valueOf(Long.MAX_VALUE)).units()).isEqualTo(Long.MAX_VALUE);
        assertThatThrownBy(() -> Usdc.fromOnChain(BigInteger.valueOf(Long.MAX_VALUE).add(BigInteger.ONE)))
            .isInstanceOf(MoneyException.class);
        assertThatThrownBy(() -> Usdc.fromOnChain(BigInteger.valueOf(-1))).isInstanceOf(MoneyException.class);
    }
}
