package io.moldtank.adapters.persistence.storage;

import io.moldtank.domain.money.Usdc;
import io.moldtank.domain.scraper.CandidateSelection;
import io.moldtank.domain.scraper.ScrapedDraft;
import io.moldtank.domain.scraper.ScraperRun;
import io.moldtank.ports.out.storage.DraftStore;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/** The scraper's store on the same database as {@link SqlStorage}. */
public final class SqlDraftStore implements DraftStore {
    private final Db db;

    SqlDraftStore(Db db) {
        this.db = db;
    }

    @Override
    public boolean addDraft(ScrapedDraft draft) {
        return db.write("add draft " + draft.id(), c -> DraftRows.add(c, draft));
    }

    @Override
    public Optional<ScrapedDraft> draft(UUID id) {
        return db.read("load draft " + id, c -> DraftRows.select(c, "id = ?", id)).stream().findFirst();
    }

    @Override
    public List<ScrapedDraft> drafts(ScrapedDraft.Status status, int limit) {
        return db.read("list drafts", c -> DraftRows.select(c, "status = ? ORDER BY created_at, id LIMIT ?",
                status.name(), limit));
    }

    @Override
    public boolean decide(ScrapedDraft decided) {
        return db.write("decide draft " + decided.id(), c -> DraftRows.decide(c, decided));
    }

    @Override
    public CandidateSelection.Known known(Instant since) {
        List<ScrapedDraft> recent = db.read("known drafts", c -> DraftRows.select(c, "created_at >= ?", since));
        return new CandidateSelection.Known(recent.stream().map(ScrapedDraft::sourcePostId).collect(Collectors.toSet()),
                recent.stream().map(ScrapedDraft::fingerprint).toList());
    }

    @Override
    public Usdc postedSince(Instant since) {
        return db.read("posted since", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT COALESCE(SUM(reward_units), 0) FROM scraped_drafts "
                    + "WHERE status = 'POSTED' AND decided_at >= ?")) {
                Rows.instant(ps, 1, since);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return Usdc.ofUnits(rs.getLong(1));
                }
            }
        });
    }

    @Override
    public void recordRun(ScraperRun run) {
        db.write("record scraper run", c -> {
            RunRows.record(c, run);
            return null;
        });
    }

    @Override
    public List<ScraperRun> runs(int limit) {
        return db.read("scraper runs", c -> RunRows.newest(c, limit));
    }

    @Override
    public Optional<Instant> highWater() {
        return db.read("scraper high water", RunRows::highWater);
    }

    @Override
    public boolean slotDone(Instant slot) {
        return db.read("scraper slot", c -> RunRows.slotDone(c, slot));
    }
}
