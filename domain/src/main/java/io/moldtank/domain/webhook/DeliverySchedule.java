package io.moldtank.domain.webhook;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * When a failed delivery is tried again: the first try is immediate, then one wait per entry; after the
 * last the endpoint is disabled. {@link #STANDARD} spans about a day (5 s … 12 h, ~22 h in all).
 */
public record DeliverySchedule(List<Duration> delays) {
    public static final DeliverySchedule STANDARD = new DeliverySchedule(List.of(Duration.ofSeconds(5),
            Duration.ofSeconds(30), Duration.ofMinutes(2), Duration.ofMinutes(10), Duration.ofMinutes(30),
            Duration.ofHours(1), Duration.ofHours(3), Duration.ofHours(6), Duration.ofHours(12)));

    public DeliverySchedule {
        delays = List.copyOf(delays);
        if (delays.stream().anyMatch(d -> d.isNegative() || d.isZero())) {
            throw new IllegalArgumentException("waits are positive");
        }
    }

    /** Tries in all: the first one and one after each wait. */
    public int maxAttempts() {
        return delays.size() + 1;
    }

    /** The wait after {@code failedAttempts} failures (1-based), or empty when the endpoint is to be disabled. */
    public Optional<Duration> delayAfter(int failedAttempts) {
        if (failedAttempts < 1) {
            throw new IllegalArgumentException("at least one failed attempt");
        }
        return failedAttempts <= delays.size() ? Optional.of(delays.get(failedAttempts - 1)) : Optional.empty();
    }
}
