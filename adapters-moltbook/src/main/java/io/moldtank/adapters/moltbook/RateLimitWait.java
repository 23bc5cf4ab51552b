package io.moldtank.adapters.moltbook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpHeaders;
import java.time.Duration;
import java.util.Optional;

/**
 * How long to wait after a 429: the body's {@code retry_after_seconds}, else the {@code Retry-After}
 * header (seconds), else 5 s doubling with each 429 in a row; never more than {@link #MAX}, so a
 * hostile or broken answer cannot park the scraper for hours.
 */
final class RateLimitWait {
    static final Duration MAX = Duration.ofSeconds(120);
    private static final ObjectMapper JSON = new ObjectMapper();

    private RateLimitWait() {
    }

    static Duration of(byte[] body, HttpHeaders headers, int inARow) {
        Duration said = fromBody(body)
                .or(() -> headers.firstValue("Retry-After").flatMap(RateLimitWait::seconds))
                .orElseGet(() -> Duration.ofSeconds(5L << Math.min(inARow - 1, 10)));
        return said.compareTo(MAX) > 0 ? MAX : said;
    }

    private static Optional<Duration> fromBody(byte[] body) {
        try {
            JsonNode v = JSON.readTree(body).path("retry_after_seconds");
            return v.isNumber() || v.isTextual() ? seconds(v.asText()) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** Non-negative seconds, possibly fractional; anything else means "not said". */
    private static Optional<Duration> seconds(String text) {
        String s = text.strip();
        if (!s.matches("\\d{1,9}(\\.\\d{1,9})?")) {
            return Optional.empty();
        }
        return Optional.of(Duration.ofMillis((long) Math.ceil(Double.parseDouble(s) * 1000)));
    }
}
