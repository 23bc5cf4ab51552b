package io.moldtank.ports.in.scraper;

import io.moldtank.domain.scraper.ScraperRun;
import java.util.List;
import java.util.Optional;

/** Runs the scraper: on its schedule (one node per slot), or now on an operator's request. */
public interface ScrapeUseCase {

    /** The run of the latest scheduled slot if no node has run it yet (so a missed run is caught up once). */
    Optional<ScraperRun> runIfDue();

    /** A run now; empty when another node is running one. */
    Optional<ScraperRun> runNow();

    /** Recorded runs, newest first. */
    List<ScraperRun> runs(int limit);
}
