package io.moldtank.domain.money;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

class FeeScheduleProperties {

    @Property
    void fee_plus_net_is_the_gross_for_every_amount_and_rate(
            @ForAll @LongRange(min = 0, max = Long.MAX_VALUE) long gross,
            @ForAll @IntRange(min = 0, max = 10_000) int bps) {
        FeeSplit split = schedule(bps).splitPrice(Usdc.ofUnits(gross));
        assertThat(split.fee().plus(split.net())).isEqualTo(Usdc.ofUnits(gross));
    }

    @Property
    void the_fee_is_the_exact_rate_rounded_down_to_the_unit(
            @ForAll @LongRange(min = 0, max = Long.MAX_VALUE) long gross,
            @ForAll @IntRange(min = 0, max = 10_000) int bps) {
        BigInteger exactFloor = BigInteger.valueOf(gross).multiply(BigInteger.valueOf(bps))
            .divide(BigInteger.valueOf(10_000));
        assertThat(schedule(bps).splitPrice(Usdc.ofUnits(gross)).fee().toOnChain()).isEqualTo(exactFloor);
    }

    private static FeeSchedule schedule(int bps) {
        return new FeeSchedule("test", BasisPoints.of(bps), Usdc.ZERO, Usdc.ZERO);
    }
}
