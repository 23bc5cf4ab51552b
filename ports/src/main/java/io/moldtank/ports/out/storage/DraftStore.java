package io.moldtank.ports.out.storage;

import io.moldtank.domain.money.Usdc;
import io.moldtank.domain.scraper.CandidateSelection;
import io.moldtank.domain.scraper.ScrapedDraft;
import io.moldtank.domain.scraper.ScraperRun;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The scraper's drafts and runs, shared by every node. */
public interface DraftStore {

    /** Stores a new draft; false (nothing stored) when its post or its exact fingerprint already has one. */
    boolean addDraft(ScrapedDraft draft);

    Optional<ScrapedDraft> draft(UUID id);

    /** Drafts in {@code status}, oldest first. */
    List<ScrapedDraft> drafts(ScrapedDraft.Status status, int limit);

    /** Saves a decision; false when the stored draft is no longer PENDING (someone decided first). */
    boolean decide(ScrapedDraft decided);

    /** Post ids and fingerprints of the drafts created at or after {@code since}. */
    CandidateSelection.Known known(Instant since);

    /** What the auto mode posted at or after {@code since}, for its daily budget. */
    Usdc postedSince(Instant since);

    void recordRun(ScraperRun run);

    /** Newest first. */
    List<ScraperRun> runs(int limit);

    /** The mark of the newest run that had one. */
    Optional<Instant> highWater();

    /** Whether any node recorded a run for this scheduled slot. */
    boolean slotDone(Instant slot);
}
