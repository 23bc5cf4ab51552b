package io.moldtank.domain.money;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class FeeScheduleTest {
    private final FeeSchedule standard =
        new FeeSchedule("standard-2025", BasisPoints.of(250), Usdc.parse("0.05"), Usdc.parse("0.10"));

    @Test
    void the_platform_cut_is_a_share_of_the_price_and_the_seller_keeps_the_rest() {
        FeeSplit split = standard.splitPrice(Usdc.ofWhole(100));
        assertThat(split.fee()).isEqualTo(Usdc.parse("2.5"));
        assertThat(split.net()).isEqualTo(Usdc.parse("97.5"));
    }

    @Test
    void a_sub_unit_remainder_of_the_cut_goes_to_the_payer() {
        // 2.5 % of 39 units is 0.975 units: the platform takes 0, the seller keeps all 39.
        FeeSplit split = standard.splitPrice(Usdc.ofUnits(39));
        assertThat(split.fee()).isEqualTo(Usdc.ZERO);
        assertThat(split.net()).isEqualTo(Usdc.ofUnits(39));
    }

    @Test
    void flat_fees_are_charged_exactly_as_written() {
        assertThat(standard.storageFee()).isEqualTo(Usdc.ofUnits(50_000));
        assertThat(standard.verificationFee()).isEqualTo(Usdc.ofUnits(100_000));
    }

    @Test
    void rates_outside_zero_to_one_hundred_percent_are_refused() {
        assertThatThrownBy(() -> BasisPoints.of(-1)).isInstanceOf(MoneyException.class);
        assertThatThrownBy(() -> BasisPoints.of(10_001)).isInstanceOf(MoneyException.class);
    }

    @Test
    void a_split_whose_parts_do_not_add_up_cannot_be_built() {
        assertThatThrownBy(() -> new FeeSplit(Usdc.ofUnits(10), Usdc.ofUnits(3), Usdc.ofUnits(8)))
            .isInstanceOf(MoneyException.class);
    }

    @Test
    void a_schedule_needs_a_name_so_a_job_can_say_which_one_it_agreed_to() {
        assertThatThrownBy(() -> FeeSchedule.free(" ")).isInstanceOf(IllegalArgumentException.class);
    }
}
