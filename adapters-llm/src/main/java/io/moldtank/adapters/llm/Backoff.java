package io.moldtank.adapters.llm;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/** Exponential back-off with jitter, for when the server did not say how long to wait. */
final class Backoff {

    private Backoff() {
    }

    /** After failed attempt {@code n} (1-based): first·2^(n-1), capped, minus up to a quarter of jitter. */
    static Duration after(int n, LlmValidators.Retries retries) {
        long first = retries.firstBackoff().toMillis();
        long max = retries.maxBackoff().toMillis();
        long exp = first << Math.min(n - 1, 20);
        long base = Math.min(max, exp < 0 ? max : exp);
        // jitter spreads the judges of one busy moment so they do not all come back together
        long jitter = base < 4 ? 0 : ThreadLocalRandom.current().nextLong(base / 4);
        return Duration.ofMillis(base - jitter);
    }
}
