package io.moldtank.domain.payout;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Back-off 1, 2, 4, 8, 16 s, at most 5 tries (seed 000 §2.6); then the payout is parked for a person. */
public record RetrySchedule(List<Duration> delays) {
    public static final RetrySchedule STANDARD = new RetrySchedule(List.of(Duration.ofSeconds(1), Duration.ofSeconds(2),
            Duration.ofSeconds(4), Duration.ofSeconds(8), Duration.ofSeconds(16)));

    public RetrySchedule {
        delays = List.copyOf(delays);
        if (delays.isEmpty()) {
            throw new IllegalArgumentException("at least one try");
        }
    }

    public int maxTries() {
        return delays.size();
    }

    /** The wait before the next try after {@code failedTries} failures, or empty when they are used up. */
    public Optional<Duration> delayAfter(int failedTries) {
        return failedTries < delays.size() ? Optional.of(delays.get(failedTries - 1)) : Optional.empty();
    }
}
