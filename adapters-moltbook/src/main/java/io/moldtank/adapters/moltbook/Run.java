package io.moldtank.adapters.moltbook;

import io.moldtank.domain.scraper.SourcePost;
import io.moldtank.ports.out.source.ProblemSource.Fetch;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What one run has read so far: posts by id (first seen wins), the high-water mark and the counts. */
final class Run {
    /** Enough to see what went wrong; a run of broken pages must not grow the record without end. */
    static final int MAX_ERRORS = 50;

    private final String apiKey;
    private final Map<String, SourcePost> posts = new LinkedHashMap<>();
    private final List<String> errors = new ArrayList<>();
    private int moreErrors;
    private Instant highWater;
    private int pages;
    private long bytes;
    private int rateLimited;

    Run(String apiKey) {
        this.apiKey = apiKey;
    }

    void add(SourcePost post) {
        if (posts.putIfAbsent(post.id(), post) == null
                && (highWater == null || post.createdAt().isAfter(highWater))) {
            highWater = post.createdAt();
        }
    }

    void pageRead() {
        pages++;
    }

    void bytesRead(long n) {
        bytes += n;
    }

    void rateLimited() {
        rateLimited++;
    }

    void error(String text) {
        if (errors.size() < MAX_ERRORS) {
            errors.add(redact(text));
        } else {
            moreErrors++;
        }
    }

    /** Belt and braces: no text leaves this module with the key in it, whatever a server echoed. */
    String redact(String text) {
        return text.replace(apiKey, "(redacted)");
    }

    int pages() {
        return pages;
    }

    long bytes() {
        return bytes;
    }

    Fetch fetch(boolean complete) {
        List<String> all = new ArrayList<>(errors);
        if (moreErrors > 0) {
            all.add("... and " + moreErrors + " more errors");
        }
        return new Fetch(List.copyOf(posts.values()), highWater, complete, pages, bytes, rateLimited, all);
    }
}
