package io.moldtank.ports.in.scraper;

import io.moldtank.domain.money.Usdc;
import io.moldtank.domain.scraper.CronSchedule;
import io.moldtank.domain.scraper.RewardBands;
import io.moldtank.domain.scraper.WishPatterns;
import io.moldtank.ports.out.source.ProblemSource;
import java.time.Duration;
import java.util.Objects;

/**
 * How the scraper runs: when ({@code schedule}, UTC), what it reads ({@code limits}), what it keeps
 * ({@code patterns}, {@code top}, {@code dedupeHorizon}), what it proposes ({@code bands}, {@code deadline}),
 * and whether drafts wait for a person ({@code REVIEW}) or are posted and funded ({@code AUTO}, up to
 * {@code dailyBudget} of rewards per UTC day).
 */
public record ScraperSettings(CronSchedule schedule, WishPatterns patterns, RewardBands bands, int top,
                              ProblemSource.Limits limits, Mode mode, Usdc dailyBudget, Duration deadline,
                              Duration maxRun, Duration dedupeHorizon) {
    public enum Mode { REVIEW, AUTO }

    public ScraperSettings {
        Objects.requireNonNull(schedule, "schedule");
        Objects.requireNonNull(patterns, "patterns");
        Objects.requireNonNull(bands, "bands");
        Objects.requireNonNull(limits, "limits");
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(dailyBudget, "dailyBudget");
        if (top < 1 || top > 20) {
            throw new IllegalArgumentException("top must be 1..20");
        }
        if (deadline.isNegative() || deadline.isZero() || maxRun.isNegative() || maxRun.isZero()) {
            throw new IllegalArgumentException("deadline and max-run must be positive");
        }
    }
}
