package io.moldtank.domain.scraper;

import java.time.Duration;
import java.time.Instant;

/** Intention-revealing posts. */
final class Posts {
    static final Instant NOW = Instant.parse("2026-12-08T06:00:00Z");

    private Posts() {
    }

    static SourcePost wish(String id, String text, long up, long comments, Duration age) {
        return new SourcePost(id, "Idea", text, null, "builders", null, up, 0, comments, false, false, NOW.minus(age));
    }

    static SourcePost chatter(String id) {
        return new SourcePost(id, "Good morning", "Lovely weather for agents today.", null, "general", "bot", 50, 0, 9,
                false, false, NOW.minusSeconds(600));
    }
}
