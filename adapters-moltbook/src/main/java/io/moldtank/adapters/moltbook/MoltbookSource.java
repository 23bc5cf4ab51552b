package io.moldtank.adapters.moltbook;

import io.moldtank.adapters.moltbook.MoltbookAdapters.Settings;
import io.moldtank.domain.scraper.SourcePost;
import io.moldtank.ports.out.source.ProblemSource;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pages through {@code GET /posts?sort=new} back to the previous run's mark (or the first window),
 * within the run's page and byte caps. Posts are returned as read, pinned and deleted ones too:
 * deciding what counts is the domain's job.
 */
final class MoltbookSource implements ProblemSource {
    private static final Logger LOG = LoggerFactory.getLogger(MoltbookSource.class);
    /**
     * Posts were editable by anyone once: a post dated in the future would become the mark and hide
     * every later post, so one dated past this clock skew is skipped as an error.
     */
    static final Duration MAX_CLOCK_SKEW = Duration.ofMinutes(5);

    private final Settings settings;
    private final PageFetcher fetcher;

    MoltbookSource(Settings settings, MoltbookHttp http) {
        this.settings = settings;
        this.fetcher = new PageFetcher(http, settings.sleeper(), settings.requestTimeout());
    }

    /** The post's page on the site: the API's base without its {@code /api/v1}, then {@code /post/<id>}. */
    @Override
    public String linkTo(SourcePost post) {
        String base = settings.baseUrl().toString().replaceFirst("/+$", "").replaceFirst("/api/v\\d+$", "");
        return base + "/post/" + URLEncoder.encode(post.id(), StandardCharsets.UTF_8);
    }

    @Override
    public Fetch fetchSince(Instant since, Instant now, Limits limits) {
        Objects.requireNonNull(now, "now");
        Objects.requireNonNull(limits, "limits");
        Instant floor = since != null ? since : now.minus(limits.firstWindow());
        Run run = new Run(settings.apiKey());
        String cursor = null;
        boolean complete = false;
        while (run.pages() < limits.maxPages()) {
            int pageNo = run.pages() + 1;
            if (!(fetcher.fetch(uri(cursor), pageNo, run, limits) instanceof PageFetcher.Got got)) {
                break;
            }
            run.pageRead();
            PageParser.Page page = got.page();
            page.skipped().forEach(why -> run.error("Moltbook page " + pageNo + ": " + why));
            if (keepNew(page, since != null, floor, now, pageNo, run) || page.cursor() == null) {
                complete = true;
                break;
            }
            cursor = page.cursor();
        }
        Fetch fetch = run.fetch(complete);
        LOG.info("Moltbook: {} posts in {} pages, {} bytes, {} rate-limited, {} errors, complete={}",
                fetch.posts().size(), fetch.pages(), fetch.bytes(), fetch.rateLimited(), fetch.errors().size(),
                fetch.complete());
        return fetch;
    }

    /**
     * Adds the page's posts that are newer than the mark; answers whether the page reached it (its
     * oldest post is at or before it). Pinned posts sit out of date order, so they never decide that.
     */
    private static boolean keepNew(PageParser.Page page, boolean hasMark, Instant floor, Instant now, int pageNo,
                                   Run run) {
        Instant oldest = null;
        for (SourcePost post : page.posts()) {
            if (post.createdAt().isAfter(now.plus(MAX_CLOCK_SKEW))) {
                run.error("Moltbook page " + pageNo + ": a post dated after now skipped");
                continue;
            }
            if (!post.pinned() && (oldest == null || post.createdAt().isBefore(oldest))) {
                oldest = post.createdAt();
            }
            if (isNew(post.createdAt(), hasMark, floor)) {
                run.add(post);
            }
        }
        return oldest != null && !isNew(oldest, hasMark, floor);
    }

    /** After the mark (a post at the mark was read last run); on a first run, within the window. */
    private static boolean isNew(Instant createdAt, boolean hasMark, Instant floor) {
        return hasMark ? createdAt.isAfter(floor) : !createdAt.isBefore(floor);
    }

    private URI uri(String cursor) {
        StringBuilder q = new StringBuilder(settings.baseUrl().toString())
                .append("/posts?sort=new&limit=").append(settings.pageSize());
        if (settings.submolt() != null) {
            q.append("&submolt=").append(URLEncoder.encode(settings.submolt(), StandardCharsets.UTF_8));
        }
        if (cursor != null) {
            q.append("&cursor=").append(URLEncoder.encode(cursor, StandardCharsets.UTF_8));
        }
        return URI.create(q.toString());
    }
}
