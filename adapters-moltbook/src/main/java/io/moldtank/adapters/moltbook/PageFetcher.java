package io.moldtank.adapters.moltbook;

import io.moldtank.adapters.moltbook.MoltbookAdapters.Sleeper;
import io.moldtank.ports.out.source.ProblemSource.Limits;
import java.net.URI;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads one page, waiting out 429s (they cost no retry) and retrying 5xx, timeouts, unreachable
 * servers and malformed pages with exponential back-off up to {@code maxRetries}. A refused key
 * (401/403), any other 4xx or 3xx, or a body past the byte budget stops the run at once.
 */
final class PageFetcher {
    private static final Logger LOG = LoggerFactory.getLogger(PageFetcher.class);
    /** The most one body may take in memory, whatever the run's byte budget. */
    static final int MAX_PAGE_BYTES = 32 << 20;
    /** A server that only ever answers 429 would otherwise hold the run forever. */
    static final int MAX_RATE_LIMITED_IN_A_ROW = 5;
    static final Duration FIRST_BACKOFF = Duration.ofSeconds(1);
    static final Duration MAX_BACKOFF = Duration.ofSeconds(30);

    sealed interface Outcome {
    }

    record Got(PageParser.Page page) implements Outcome {
    }

    /** The run stops here; the reason is already in the run's errors. */
    record Stopped() implements Outcome {
    }

    private final MoltbookHttp http;
    private final Sleeper sleeper;
    private final Duration timeout;

    PageFetcher(MoltbookHttp http, Sleeper sleeper, Duration timeout) {
        this.http = http;
        this.sleeper = sleeper;
        this.timeout = timeout;
    }

    Outcome fetch(URI uri, int pageNo, Run run, Limits limits) {
        int failures = 0;
        int limitedInARow = 0;
        try {
            while (true) {
                long room = limits.maxBytes() - run.bytes();
                if (room <= 0) {
                    return stop(run, pageNo, "the byte budget of " + limits.maxBytes() + " is spent");
                }
                String failure;
                switch (http.get(uri, (int) Math.min(room, MAX_PAGE_BYTES))) {
                    case MoltbookHttp.Body b -> {
                        run.bytesRead(b.bytes().length);
                        if (b.cut()) {
                            return stop(run, pageNo, "answer cut after " + b.bytes().length + " bytes: "
                                    + (room <= MAX_PAGE_BYTES ? "past the run's byte budget of " + limits.maxBytes()
                                    : "larger than a page may be"));
                        }
                        int status = b.status();
                        if (status == 429) {
                            if (++limitedInARow > MAX_RATE_LIMITED_IN_A_ROW) {
                                return stop(run, pageNo, "HTTP 429 " + limitedInARow + " times in a row");
                            }
                            run.rateLimited();
                            Duration wait = RateLimitWait.of(b.bytes(), b.headers(), limitedInARow);
                            LOG.info("Moltbook page {}: rate limited, waiting {}", pageNo, wait);
                            sleeper.sleep(wait);
                            continue;
                        }
                        limitedInARow = 0;
                        if (status == 401 || status == 403) {
                            return stop(run, pageNo, "HTTP " + status + ": Moltbook refused the API key (or a CDN "
                                    + "refused the request); not retried");
                        }
                        if (status >= 200 && status < 300) {
                            try {
                                return new Got(PageParser.parse(b.bytes()));
                            } catch (PageParser.Malformed e) {
                                failure = "malformed page: " + e.getMessage();
                            }
                        } else if (status == 408 || status >= 500) {
                            failure = "HTTP " + status;
                        } else {
                            return stop(run, pageNo, "HTTP " + status + (status / 100 == 3
                                    ? " redirect not followed (is baseUrl the www host?)" : "") + "; not retried");
                        }
                    }
                    case MoltbookHttp.TimedOut t -> failure = "no answer within " + timeout;
                    case MoltbookHttp.Unreachable u -> failure = "unreachable: " + u.why();
                }
                if (failures == limits.maxRetries()) {
                    return stop(run, pageNo, failure + " (gave up after " + failures + " retries)");
                }
                failures++;
                Duration wait = backoff(failures);
                LOG.warn("Moltbook page {}: {}; retry {} of {} in {}", pageNo, run.redact(failure), failures,
                        limits.maxRetries(), wait);
                sleeper.sleep(wait);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return stop(run, pageNo, "interrupted");
        }
    }

    /** 1 s, 2 s, 4 s ... capped: no jitter, one scraper has nobody to spread out from. */
    static Duration backoff(int failures) {
        Duration d = FIRST_BACKOFF.multipliedBy(1L << Math.min(failures - 1, 20));
        return d.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : d;
    }

    private static Stopped stop(Run run, int pageNo, String why) {
        String text = "Moltbook page " + pageNo + ": " + why;
        run.error(text);
        LOG.warn("{}", run.redact(text));
        return new Stopped();
    }
}
