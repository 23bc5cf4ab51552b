package io.moldtank.ports.service;

import io.moldtank.domain.money.Usdc;
import io.moldtank.domain.scraper.Candidate;
import io.moldtank.domain.scraper.CandidateSelection;
import io.moldtank.domain.scraper.ScrapedDraft;
import io.moldtank.domain.scraper.ScraperRun;
import io.moldtank.domain.shared.IdGenerator;
import io.moldtank.ports.in.scraper.ScrapeUseCase;
import io.moldtank.ports.in.scraper.ScraperSettings;
import io.moldtank.ports.out.source.ProblemSource;
import io.moldtank.ports.out.storage.DraftStore;
import io.moldtank.ports.out.storage.Leases;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Seed 000 §2.7: reads the problem source back to the last run's mark, keeps the posts that read as a
 * wish, picks the best few and turns each into a draft. Exactly one node runs a slot: a lease in the
 * database, and the slot recorded when done. The mark moves only when a run read all the way back, so
 * a run killed half-way is read again, and its drafts are not made twice (the store refuses a post or
 * fingerprint it has, and a drafted post still counts towards the run's few).
 */
public final class ScrapingProblems implements ScrapeUseCase {
    static final String LEASE = "moltbook-scraper";

    private final DraftStore drafts;
    private final Leases leases;
    private final ProblemSource source;
    private final ScraperSettings settings;
    private final ReviewingDrafts posting;
    private final Clock clock;
    private final IdGenerator ids;
    private final String node;

    public ScrapingProblems(DraftStore drafts, Leases leases, ProblemSource source, ScraperSettings settings,
                            ReviewingDrafts posting, Clock clock, IdGenerator ids, String node) {
        this.drafts = drafts;
        this.leases = leases;
        this.source = source;
        this.settings = settings;
        this.posting = posting;
        this.clock = clock;
        this.ids = ids;
        this.node = node;
    }

    @Override
    public Optional<ScraperRun> runIfDue() {
        Optional<Instant> slot = settings.schedule().latestAtOrBefore(clock.instant());
        if (slot.isEmpty() || drafts.slotDone(slot.get())) {
            return Optional.empty();
        }
        return underLease(slot.get(), false);
    }

    @Override
    public Optional<ScraperRun> runNow() {
        return underLease(clock.instant().truncatedTo(ChronoUnit.MILLIS), true);
    }

    @Override
    public List<ScraperRun> runs(int limit) {
        return drafts.runs(Math.max(0, limit));
    }

    private Optional<ScraperRun> underLease(Instant slot, boolean onDemand) {
        if (leases.tryHold(LEASE, node, settings.maxRun(), clock.instant()).isEmpty()) {
            return Optional.empty();
        }
        try {
            if (!onDemand && drafts.slotDone(slot)) {
                return Optional.empty(); // another node finished it between our check and our lease
            }
            ScraperRun run = run(slot, onDemand);
            drafts.recordRun(run);
            return Optional.of(run);
        } finally {
            leases.release(LEASE, node, null);
        }
    }

    private ScraperRun run(Instant slot, boolean onDemand) {
        Instant started = clock.instant();
        Instant since = drafts.highWater().orElse(null);
        var fetch = source.fetchSince(since, started, settings.limits());
        var known = drafts.known(started.minus(settings.dedupeHorizon()));
        // scored at the slot's time, so a rerun of a killed run ranks the posts as the first try did
        List<Candidate> chosen = CandidateSelection.select(fetch.posts(), settings.patterns(), known,
                onDemand ? started : slot, settings.top());
        List<String> errors = new ArrayList<>(fetch.errors());
        int created = 0;
        for (Candidate c : chosen) {
            if (known.postIds().contains(c.post().id())) {
                continue;
            }
            ScrapedDraft draft = ScrapedDraft.propose(ids.next(), c, settings.bands(), source.linkTo(c.post()), started);
            if (!drafts.addDraft(draft)) {
                continue;
            }
            created++;
            if (settings.mode() == ScraperSettings.Mode.AUTO) {
                errors.addAll(autoPost(draft));
            }
        }
        ScraperRun.Outcome outcome = fetch.complete() && fetch.errors().isEmpty() ? ScraperRun.Outcome.OK
                : fetch.posts().isEmpty() ? ScraperRun.Outcome.FAILED : ScraperRun.Outcome.PARTIAL;
        Instant mark = fetch.complete() && fetch.highWater() != null ? fetch.highWater() : since;
        return new ScraperRun(ids.next(), slot, onDemand, started, clock.instant(), outcome, fetch.posts().size(),
                chosen.size(), created, fetch.rateLimited(), errors, mark, node);
    }

    /** Posts and funds within the day's budget; what could not be posted stays PENDING for a person. */
    private List<String> autoPost(ScrapedDraft draft) {
        Instant day = clock.instant().truncatedTo(ChronoUnit.DAYS);
        Usdc spent = drafts.postedSince(day);
        if (spent.plus(draft.reward()).isGreaterThan(settings.dailyBudget())) {
            return List.of("daily budget " + settings.dailyBudget() + " reached: draft " + draft.id() + " waits for review");
        }
        try {
            posting.postAndFund(draft, "auto");
            return List.of();
        } catch (RuntimeException e) {
            return List.of("draft " + draft.id() + " was not posted: " + e.getMessage());
        }
    }
}
