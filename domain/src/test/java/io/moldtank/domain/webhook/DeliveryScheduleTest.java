package io.moldtank.domain.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class DeliveryScheduleTest {

    @Test
    void standard_schedule_waits_5s_30s_2m_10m_30m_1h_3h_6h_12h_about_a_day_then_gives_up() {
        DeliverySchedule s = DeliverySchedule.STANDARD;
        assertThat(s.delayAfter(1)).contains(Duration.ofSeconds(5));
        assertThat(s.delayAfter(2)).contains(Duration.ofSeconds(30));
        assertThat(s.delayAfter(9)).contains(Duration.ofHours(12));
        assertThat(s.delayAfter(10)).isEmpty();
        assertThat(s.maxAttempts()).isEqualTo(10);
        Duration total = s.delays().stream().reduce(Duration.ZERO, Duration::plus);
        assertThat(total).isBetween(Duration.ofHours(20), Duration.ofHours(24));
    }

    @Property
    void waits_never_shrink_and_the_endpoint_is_disabled_exactly_after_the_last_try(
            @ForAll @IntRange(min = 1, max = 50) int failed) {
        DeliverySchedule s = DeliverySchedule.STANDARD;
        assertThat(s.delayAfter(failed).isEmpty()).isEqualTo(failed >= s.maxAttempts());
        if (failed > 1 && failed < s.maxAttempts()) {
            assertThat(s.delayAfter(failed).get()).isGreaterThan(s.delayAfter(failed - 1).get());
        }
    }
}
