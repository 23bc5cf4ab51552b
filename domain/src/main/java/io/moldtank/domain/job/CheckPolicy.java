package io.moldtank.domain.job;

import io.moldtank.domain.bounty.Acceptance;
import java.time.Duration;
import java.util.Objects;

/**
 * How the platform retries a job check the sandbox could not run: {@code maxAttempts} tries in all,
 * each holding the check for {@code lease} (longer than the longest check, so a live run never loses
 * it), and a pause of {@code retryDelay} doubled after every failed try. A check's own FAIL is a
 * verdict, never retried; only infrastructure errors and lapsed leases use attempts.
 */
public record CheckPolicy(int maxAttempts, Duration lease, Duration retryDelay) {
    /** The longest pause between tries, whatever the doubling says. */
    public static final Duration MAX_DELAY = Duration.ofHours(1);
    /** The shortest lease: the longest check plus a minute for the sandbox to start and clean up. */
    public static final Duration MIN_LEASE = Acceptance.MAX_TIMEOUT.plusMinutes(1);
    /** Declared after the bounds its constructor reads. */
    public static final CheckPolicy STANDARD = new CheckPolicy(3, Duration.ofMinutes(6), Duration.ofSeconds(5));

    public CheckPolicy {
        if (maxAttempts < 1 || maxAttempts > 20) {
            throw new IllegalArgumentException("a job check has 1..20 attempts");
        }
        Objects.requireNonNull(lease, "lease");
        if (lease.compareTo(MIN_LEASE) < 0) {
            throw new IllegalArgumentException("a job check's lease must be at least " + MIN_LEASE);
        }
        Objects.requireNonNull(retryDelay, "retryDelay");
        if (retryDelay.isNegative() || retryDelay.compareTo(MAX_DELAY) > 0) {
            throw new IllegalArgumentException("a job check's retry delay must be within 0.." + MAX_DELAY);
        }
    }

    /** The pause after failed try {@code attempt} (1, 2, ...): retryDelay, doubled each time, at most {@link #MAX_DELAY}. */
    public Duration retryAfter(int attempt) {
        Duration d = retryDelay;
        for (int i = 1; i < attempt && d.compareTo(MAX_DELAY) < 0; i++) {
            d = d.multipliedBy(2);
        }
        return d.compareTo(MAX_DELAY) > 0 ? MAX_DELAY : d;
    }
}
