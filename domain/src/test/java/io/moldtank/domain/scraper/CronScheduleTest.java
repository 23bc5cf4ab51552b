package io.moldtank.domain.scraper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class CronScheduleTest {
    @Test
    void the_default_runs_daily_at_six_utc() {
        var daily = CronSchedule.parse("0 6 * * *");
        assertThat(daily.latestAtOrBefore(Instant.parse("2026-12-08T05:59:59Z")))
                .contains(Instant.parse("2026-12-07T06:00:00Z"));
        assertThat(daily.latestAtOrBefore(Instant.parse("2026-12-08T06:00:30Z")))
                .contains(Instant.parse("2026-12-08T06:00:00Z"));
    }

    @Test
    void steps_ranges_lists_and_weekdays() {
        assertThat(CronSchedule.parse("*/15 * * * *").latestAtOrBefore(Instant.parse("2026-12-08T10:44:00Z")))
                .contains(Instant.parse("2026-12-08T10:30:00Z"));
        // 2026-12-08 is a Tuesday; weekdays 1-5 at 09:00 and 17:00
        assertThat(CronSchedule.parse("0 9,17 * * 1-5").latestAtOrBefore(Instant.parse("2026-12-08T08:00:00Z")))
                .contains(Instant.parse("2026-12-07T17:00:00Z"));
        assertThat(CronSchedule.parse("0 12 * * 0").latestAtOrBefore(Instant.parse("2026-12-08T08:00:00Z")))
                .as("Sunday").contains(Instant.parse("2026-12-06T12:00:00Z"));
        assertThat(CronSchedule.parse("0 0 30 2 *").latestAtOrBefore(Instant.parse("2026-12-08T08:00:00Z"))).isEmpty();
    }

    @Test
    void a_malformed_expression_is_refused_naming_the_field() {
        assertThatThrownBy(() -> CronSchedule.parse("0 6 * *")).hasMessageContaining("5 fields");
        assertThatThrownBy(() -> CronSchedule.parse("0 25 * * *")).hasMessageContaining("hour");
        assertThatThrownBy(() -> CronSchedule.parse("0 6 * 5-2 *")).hasMessageContaining("backwards");
        assertThatThrownBy(() -> CronSchedule.parse("x 6 * * *")).hasMessageContaining("minute");
    }
}
