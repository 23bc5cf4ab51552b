package io.moldtank.domain.scraper;

import java.time.Instant;
import java.util.Objects;

/**
 * A post read from a problem source (Moltbook), as untrusted data: every text field may hold prompt
 * injections, HTML or control characters, and is only ever quoted. {@code author} and {@code url} may
 * be null; counts below zero are read as zero.
 */
public record SourcePost(String id, String title, String content, String url, String submolt, String author,
                         long upvotes, long downvotes, long comments, boolean pinned, boolean deleted,
                         Instant createdAt) {
    /** Longest text kept of a title and of a content: a post is evidence of a wish, not a document. */
    public static final int MAX_TITLE = 300;
    public static final int MAX_CONTENT = 20_000;

    public SourcePost {
        if (id == null || id.isBlank() || id.length() > 100) {
            throw new IllegalArgumentException("a source post needs an id of 1..100 characters");
        }
        Objects.requireNonNull(createdAt, "createdAt");
        title = clip(title, MAX_TITLE);
        content = clip(content, MAX_CONTENT);
        submolt = submolt == null ? "" : clip(submolt, 100);
        upvotes = Math.max(0, upvotes);
        downvotes = Math.max(0, downvotes);
        comments = Math.max(0, comments);
    }

    private static String clip(String s, int max) {
        if (s == null) {
            return "";
        }
        return s.length() <= max ? s : s.substring(0, max);
    }
}
