package io.moldtank.adapters.llm;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpHeaders;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RetryAfterTest {
    private static final Instant NOW = Instant.parse("2026-11-24T10:00:00Z");

    private static HttpHeaders headers(Map<String, String> values) {
        Map<String, List<String>> m = new java.util.HashMap<>();
        values.forEach((k, v) -> m.put(k, List.of(v)));
        return HttpHeaders.of(m, (k, v) -> true);
    }

    @Test
    void deltaSecondsAreRead() {
        assertThat(RetryAfter.of(headers(Map.of("retry-after", "7")), NOW)).contains(Duration.ofSeconds(7));
    }

    @Test
    void anHttpDateIsReadRelativeToNow() {
        assertThat(RetryAfter.of(headers(Map.of("retry-after", "Tue, 24 Nov 2026 10:00:30 GMT")), NOW))
                .contains(Duration.ofSeconds(30));
    }

    @Test
    void anHttpDateInThePastMeansNoWait() {
        assertThat(RetryAfter.parse("Tue, 24 Nov 2026 09:00:00 GMT", NOW)).contains(Duration.ZERO);
    }

    @Test
    void retryAfterMsTakesPrecedence() {
        assertThat(RetryAfter.of(headers(Map.of("retry-after-ms", "250", "retry-after", "1")), NOW))
                .contains(Duration.ofMillis(250));
    }

    @Test
    void garbageOrAbsenceMeansNotSaid() {
        assertThat(RetryAfter.of(headers(Map.of("retry-after", "soon")), NOW)).isEmpty();
        assertThat(RetryAfter.of(headers(Map.of("retry-after", "-3")), NOW)).isEmpty();
        assertThat(RetryAfter.of(headers(Map.of()), NOW)).isEmpty();
    }

    @Test
    void computedBackOffDoublesUpToItsCap() {
        var retries = new LlmValidators.Retries(5, Duration.ofMillis(400), Duration.ofMillis(1000), Duration.ofSeconds(10));
        assertThat(Backoff.after(1, retries)).isBetween(Duration.ofMillis(300), Duration.ofMillis(400));
        assertThat(Backoff.after(2, retries)).isBetween(Duration.ofMillis(600), Duration.ofMillis(800));
        assertThat(Backoff.after(9, retries)).isBetween(Duration.ofMillis(750), Duration.ofMillis(1000));
    }
}
