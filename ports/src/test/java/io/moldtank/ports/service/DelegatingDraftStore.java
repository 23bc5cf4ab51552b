package io.moldtank.ports.service;

import io.moldtank.domain.money.Usdc;
import io.moldtank.domain.scraper.CandidateSelection;
import io.moldtank.domain.scraper.ScrapedDraft;
import io.moldtank.domain.scraper.ScraperRun;
import io.moldtank.ports.out.storage.DraftStore;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** A draft store that passes everything on; tests override a method to make it fail where a crash would. */
class DelegatingDraftStore implements DraftStore {
    private final DraftStore to;

    DelegatingDraftStore(DraftStore to) {
        this.to = to;
    }

    @Override
    public boolean addDraft(ScrapedDraft draft) {
        return to.addDraft(draft);
    }

    @Override
    public Optional<ScrapedDraft> draft(UUID id) {
        return to.draft(id);
    }

    @Override
    public List<ScrapedDraft> drafts(ScrapedDraft.Status status, int limit) {
        return to.drafts(status, limit);
    }

    @Override
    public boolean decide(ScrapedDraft decided) {
        return to.decide(decided);
    }

    @Override
    public CandidateSelection.Known known(Instant since) {
        return to.known(since);
    }

    @Override
    public Usdc postedSince(Instant since) {
        return to.postedSince(since);
    }

    @Override
    public void recordRun(ScraperRun run) {
        to.recordRun(run);
    }

    @Override
    public List<ScraperRun> runs(int limit) {
        return to.runs(limit);
    }

    @Override
    public Optional<Instant> highWater() {
        return to.highWater();
    }

    @Override
    public boolean slotDone(Instant slot) {
        return to.slotDone(slot);
    }
}
