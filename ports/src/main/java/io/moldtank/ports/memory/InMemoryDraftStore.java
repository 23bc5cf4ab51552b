package io.moldtank.ports.memory;

import io.moldtank.domain.money.Usdc;
import io.moldtank.domain.scraper.CandidateSelection;
import io.moldtank.domain.scraper.ScrapedDraft;
import io.moldtank.domain.scraper.ScraperRun;
import io.moldtank.ports.out.storage.DraftStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/** The scraper's drafts and runs in memory, for embedders and tests. */
public final class InMemoryDraftStore implements DraftStore {
    private final Map<UUID, ScrapedDraft> drafts = new LinkedHashMap<>();
    private final List<ScraperRun> runs = new ArrayList<>();

    @Override
    public synchronized boolean addDraft(ScrapedDraft d) {
        boolean taken = drafts.values().stream().anyMatch(o -> o.sourcePostId().equals(d.sourcePostId())
                || o.fingerprint().exact().equals(d.fingerprint().exact()));
        if (taken || drafts.containsKey(d.id())) {
            return false;
        }
        drafts.put(d.id(), d);
        return true;
    }

    @Override
    public synchronized Optional<ScrapedDraft> draft(UUID id) {
        return Optional.ofNullable(drafts.get(id));
    }

    @Override
    public synchronized List<ScrapedDraft> drafts(ScrapedDraft.Status status, int limit) {
        return drafts.values().stream().filter(d -> d.status() == status)
                .sorted(Comparator.comparing(ScrapedDraft::createdAt)).limit(limit).toList();
    }

    @Override
    public synchronized boolean decide(ScrapedDraft decided) {
        ScrapedDraft current = drafts.get(decided.id());
        if (current == null || current.status() != ScrapedDraft.Status.PENDING) {
            return false;
        }
        drafts.put(decided.id(), decided);
        return true;
    }

    @Override
    public synchronized CandidateSelection.Known known(Instant since) {
        var recent = drafts.values().stream().filter(d -> !d.createdAt().isBefore(since)).toList();
        return new CandidateSelection.Known(recent.stream().map(ScrapedDraft::sourcePostId).collect(Collectors.toSet()),
                recent.stream().map(ScrapedDraft::fingerprint).toList());
    }

    @Override
    public synchronized Usdc postedSince(Instant since) {
        return drafts.values().stream().filter(d -> d.status() == ScrapedDraft.Status.POSTED)
                .filter(d -> !d.decidedAt().isBefore(since)).map(ScrapedDraft::reward).reduce(Usdc.ZERO, Usdc::plus);
    }

    @Override
    public synchronized void recordRun(ScraperRun run) {
        runs.add(run);
    }

    @Override
    public synchronized List<ScraperRun> runs(int limit) {
        return runs.reversed().stream().limit(limit).toList();
    }

    @Override
    public synchronized Optional<Instant> highWater() {
        return runs.reversed().stream().map(ScraperRun::highWater).filter(Objects::nonNull).findFirst();
    }

    @Override
    public synchronized boolean slotDone(Instant slot) {
        return runs.stream().anyMatch(r -> !r.onDemand() && r.slot().equals(slot));
    }
}
