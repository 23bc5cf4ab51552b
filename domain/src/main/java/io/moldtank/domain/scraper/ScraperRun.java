package io.moldtank.domain.scraper;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * One run of the scraper, as recorded: the scheduled slot it ran for (or the minute it was asked for),
 * what it read and made, and the high-water mark the next run reads back to. OK: read back to the
 * previous mark; PARTIAL: stopped early (a cap, errors) but kept what it read; FAILED: read nothing.
 */
public record ScraperRun(UUID id, Instant slot, boolean onDemand, Instant startedAt, Instant finishedAt,
                         Outcome outcome, int postsSeen, int candidates, int draftsCreated, int rateLimited,
                         List<String> errors, Instant highWater, String node) {
    public enum Outcome { OK, PARTIAL, FAILED }

    public ScraperRun {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(slot, "slot");
        Objects.requireNonNull(outcome, "outcome");
        errors = List.copyOf(errors);
    }
}
