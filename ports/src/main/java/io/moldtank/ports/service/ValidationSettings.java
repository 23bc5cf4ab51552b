package io.moldtank.ports.service;

import java.time.Duration;

/**
 * How the pipeline retries: {@code maxAttempts} rounds before a submission is dead-lettered for a
 * person, each claim leased for {@code lease}, an undecided round queued again after {@code retryDelay}.
 */
public record ValidationSettings(int maxAttempts, Duration lease, Duration retryDelay) {
    public static final ValidationSettings DEFAULTS =
            new ValidationSettings(3, Duration.ofMinutes(6), Duration.ofSeconds(5));

    public ValidationSettings {
        if (maxAttempts < 1 || lease.isNegative() || lease.isZero() || retryDelay.isNegative()) {
            throw new IllegalArgumentException("maxAttempts >= 1, lease > 0, retryDelay >= 0");
        }
    }
}
