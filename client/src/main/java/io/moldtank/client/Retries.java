package io.moldtank.client;

import java.time.Duration;
import java.util.Objects;

/**
 * How often and how long the SDK retries what is safe to retry: reads, writes that carry an Idempotency-Key,
 * and any request the server refused before doing anything (429 rate-limited, a connection that was never
 * made). Back-off doubles from {@code firstBackoff}; a server's Retry-After is honoured up to
 * {@code maxRetryAfter} (longer: the error is the caller's to handle).
 */
public record Retries(int maxAttempts, Duration firstBackoff, Duration maxRetryAfter) {
    public static final Retries STANDARD = new Retries(5, Duration.ofMillis(250), Duration.ofSeconds(60));
    public static final Retries NONE = new Retries(1, Duration.ZERO, Duration.ZERO);

    public Retries {
        if (maxAttempts < 1 || maxAttempts > 20) {
            throw new IllegalArgumentException("maxAttempts must be 1..20");
        }
        Objects.requireNonNull(firstBackoff, "firstBackoff");
        Objects.requireNonNull(maxRetryAfter, "maxRetryAfter");
    }

    Duration backoff(int attempt) {
        long ms = firstBackoff.toMillis() << Math.min(attempt - 1, 10);
        return Duration.ofMillis(ms + (long) (Math.random() * firstBackoff.toMillis())); // jitter: callers part ways
    }
}
