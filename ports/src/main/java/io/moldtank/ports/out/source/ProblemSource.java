package io.moldtank.ports.out.source;

import io.moldtank.domain.scraper.SourcePost;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Where problems that agents talk about are read from (seed 000 §2.7: Moltbook). One call reads the
 * newest posts back to a high-water mark, within a run's budget of pages and bytes.
 */
public interface ProblemSource {

    /**
     * Posts newer than {@code since} (the previous run's high-water mark; null on a first run, which
     * reads back at most {@code limits.firstWindow()} from now), newest first as the source pages them.
     * Answers what it read even when it stops early (a cap reached, errors after retries): {@code complete}
     * says whether it reached the mark.
     */
    Fetch fetchSince(Instant since, Instant now, Limits limits);

    /** Where a person reads the post: the draft links to it. */
    String linkTo(SourcePost post);

    /** How much one run may read, and how hard it may retry. */
    record Limits(int maxPages, long maxBytes, java.time.Duration firstWindow, int maxRetries) {
        public Limits {
            if (maxPages < 1 || maxBytes < 1 || maxRetries < 0) {
                throw new IllegalArgumentException("limits must be positive");
            }
            Objects.requireNonNull(firstWindow, "firstWindow");
        }
    }

    /**
     * What a run read: the posts (deduplicated by id), the newest creation time seen (the next run's
     * mark; null when nothing was read), and the counts a run records.
     */
    record Fetch(List<SourcePost> posts, Instant highWater, boolean complete, int pages, long bytes,
                 int rateLimited, List<String> errors) {
        public Fetch {
            posts = List.copyOf(posts);
            errors = List.copyOf(errors);
        }
    }
}
