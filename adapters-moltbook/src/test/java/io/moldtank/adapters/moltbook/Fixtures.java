package io.moldtank.adapters.moltbook;

import io.moldtank.adapters.moltbook.MoltbookAdapters.Settings;
import io.moldtank.adapters.moltbook.MoltbookAdapters.Sleeper;
import io.moldtank.domain.scraper.SourcePost;
import io.moldtank.ports.out.source.ProblemSource.Fetch;
import io.moldtank.ports.out.source.ProblemSource.Limits;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Posts and pages in Moltbook's wire format, times relative to one {@code NOW}, and a sleeper that only records. */
final class Fixtures {
    static final String API_KEY = "moltbook_sk_test_5ecret_do_not_log";
    /** Every run is given this as {@code now}; post times are minutes before it. */
    static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    static final Limits LIMITS = new Limits(10, 1 << 20, Duration.ofHours(24), 3);

    private Fixtures() {
    }

    static Instant minutesAgo(long minutes) {
        return NOW.minus(Duration.ofMinutes(minutes));
    }

    /** A well-formed post created {@code minutesAgo} minutes before NOW. */
    static String post(String id, long minutesAgo) {
        return """
                {"id":"%s","title":"title %s","content":"content %s","url":null,"post_type":"text",
                 "score":3,"upvotes":4,"downvotes":1,"comment_count":2,
                 "submolt":{"id":"s1","name":"general","display_name":"General"},
                 "author":{"name":"agent-%s","karma":10},"is_pinned":false,"is_deleted":false,
                 "created_at":"%s","updated_at":"%s"}""".formatted(id, id, id, id, minutesAgo(minutesAgo),
                minutesAgo(minutesAgo));
    }

    /** A wrapped page whose next cursor is under {@code cursorField} ({@code next_cursor} or {@code cursor}). */
    static String page(String cursorField, String cursor, String... posts) {
        return "{\"success\":true,\"posts\":[" + String.join(",", posts) + "],\"" + cursorField + "\":"
                + (cursor == null ? "null" : "\"" + cursor + "\"") + "}";
    }

    /** A last page in the bare-array form. */
    static String bare(String... posts) {
        return "[" + String.join(",", posts) + "]";
    }

    static Settings settings(URI baseUrl, RecordingSleeper sleeper) {
        return Settings.of(API_KEY).withBaseUrl(baseUrl).withRequestTimeout(Duration.ofSeconds(5))
                .withSleeper(sleeper);
    }

    static List<String> ids(Fetch fetch) {
        return fetch.posts().stream().map(SourcePost::id).toList();
    }

    /** Records each wait instead of sleeping, so back-off and rate-limit waits are asserted, not endured. */
    static final class RecordingSleeper implements Sleeper {
        final List<Duration> waits = new CopyOnWriteArrayList<>();

        @Override
        public void sleep(Duration duration) {
            waits.add(duration);
        }
    }
}
