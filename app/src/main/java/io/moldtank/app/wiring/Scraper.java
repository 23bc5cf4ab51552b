package io.moldtank.app.wiring;

import io.helidon.config.Config;
import io.helidon.metrics.api.Counter;
import io.helidon.metrics.api.Gauge;
import io.helidon.metrics.api.MeterRegistry;
import io.helidon.metrics.api.Metrics;
import io.moldtank.adapters.moltbook.MoltbookAdapters;
import io.moldtank.adapters.persistence.storage.SqlStorage;
import io.moldtank.domain.agent.AgentId;
import io.moldtank.domain.agent.AgentProfile;
import io.moldtank.domain.agent.WalletAddress;
import io.moldtank.domain.money.Usdc;
import io.moldtank.domain.scraper.CronSchedule;
import io.moldtank.domain.scraper.RewardBands;
import io.moldtank.domain.scraper.ScraperRun;
import io.moldtank.domain.scraper.WishPatterns;
import io.moldtank.adapters.http.HttpAdapters;
import io.moldtank.ports.in.agent.RegisterAgentCommand;
import io.moldtank.ports.in.scraper.ScrapeUseCase;
import io.moldtank.ports.in.scraper.ScraperSettings;
import io.moldtank.ports.out.source.ProblemSource;
import io.moldtank.ports.service.Core;
import io.moldtank.ports.service.ReviewingDrafts;
import io.moldtank.ports.service.ScrapingProblems;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Issue 15: the Moltbook scraper in the main job, off until {@code moldtank.scraper.api-key} is set. The
 * node that runs the periodic work checks every {@code check-interval} whether its schedule's latest slot
 * has run on any node (a missed run is caught up once at start), and counts every run in
 * {@code moldtank_scraper_*} metrics.
 */
final class Scraper implements ScrapeUseCase, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Scraper.class);

    private final ScrapingProblems runs;
    private final ReviewingDrafts review;
    private final MeterRegistry registry = Metrics.globalRegistry();
    private final Duration check;

    private Scraper(ScrapingProblems runs, ReviewingDrafts review, Duration check) {
        this.runs = runs;
        this.review = review;
        this.check = check;
    }

    /** Started when a key is configured; empty (said in the log and the wiring) otherwise. */
    /** Zero, and exported, also while the scraper is off: the alert rules name them. */
    private static final AtomicLong LAST_RUN = new AtomicLong();

    static {
        MeterRegistry registry = Metrics.globalRegistry();
        for (ScraperRun.Outcome o : ScraperRun.Outcome.values()) {
            registry.getOrCreate(Counter.builder("moldtank.scraper.runs").description("scraper runs by outcome")
                    .tags(List.of(Metrics.tag("outcome", o.name().toLowerCase(Locale.ROOT)))));
        }
        registry.getOrCreate(Counter.builder("moldtank.scraper.posts.seen").description("posts the scraper read"));
        registry.getOrCreate(Counter.builder("moldtank.scraper.drafts.created").description("drafts the scraper made"));
        registry.getOrCreate(Counter.builder("moldtank.scraper.rate.limited").description("429s the scraper waited out"));
        registry.getOrCreate(Gauge.builder("moldtank.scraper.last.run.timestamp.seconds", LAST_RUN::get)
                .description("when this node last saw a scraper run finish (epoch seconds; 0: not yet)"));
    }

    static Optional<Scraper> start(Config c, Core core, SqlStorage storage, Wiring wiring) {
        Optional<String> key = c.get("api-key").asString().filter(k -> !k.isBlank());
        if (key.isEmpty() || !c.get("enabled").asBoolean().orElse(true)) {
            String why = key.isEmpty() ? "off: moldtank.scraper.api-key is not set" : "off: moldtank.scraper.enabled=false";
            wiring.chose("scraper", why);
            LOG.atInfo().addKeyValue("event", "scraper-off").log("Moltbook scraper " + why);
            return Optional.empty();
        }
        var source = MoltbookAdapters.problemSource(new MoltbookAdapters.Settings(
                c.get("base-url").asString().map(URI::create).orElse(MoltbookAdapters.DEFAULT_BASE_URL), key.get(),
                c.get("submolt").asString().orElse(null), c.get("page-size").asInt().orElse(50),
                c.get("request-timeout").as(Duration.class).orElse(Duration.ofSeconds(15)), null));
        ScraperSettings settings = settings(c);
        AgentId poster = platformPoster(core, storage, new WalletAddress(c.get("poster-wallet").asString()
                .orElse("0x00000000000000000000000000000000005c4a9e")));
        var review = new ReviewingDrafts(storage.drafts(), core, poster, settings.deadline(), wiring.clock());
        String node = ProcessHandle.current().pid() + "-" + UUID.randomUUID().toString().substring(0, 8);
        var runs = new ScrapingProblems(storage.drafts(), storage.reconciliation(), source, settings, review,
                wiring.clock(), wiring.ids(), node);
        var scraper = new Scraper(runs, review, c.get("check-interval").as(Duration.class).orElse(Duration.ofMinutes(1)));
        wiring.chose("scraper", settings.mode().name().toLowerCase(Locale.ROOT) + " mode, schedule '"
                + settings.schedule().expression() + "' UTC, top " + settings.top());
        return Optional.of(scraper);
    }

    HttpAdapters.Scraper routes() {
        return new HttpAdapters.Scraper(this, review);
    }

    static ScraperSettings settings(Config c) {
        List<String> patterns = c.get("patterns").asList(String.class).orElse(List.of());
        List<RewardBands.Band> bands = new ArrayList<>();
        for (Config band : c.get("bands").asNodeList().orElse(List.of())) {
            bands.add(new RewardBands.Band(band.get("min-score").asDouble().orElse(0.0),
                    Usdc.parse(band.get("reward").asString().get())));
        }
        return new ScraperSettings(CronSchedule.parse(c.get("schedule").asString().orElse("0 6 * * *")),
                WishPatterns.withExtra(patterns), bands.isEmpty() ? RewardBands.DEFAULT : new RewardBands(bands),
                c.get("top").asInt().orElse(3),
                new ProblemSource.Limits(c.get("max-pages").asInt().orElse(20),
                        c.get("max-bytes").asLong().orElse(5L << 20),
                        c.get("first-window").as(Duration.class).orElse(Duration.ofDays(1)),
                        c.get("max-retries").asInt().orElse(3)),
                ScraperSettings.Mode.valueOf(c.get("mode").asString().orElse("review").toUpperCase(Locale.ROOT)),
                Usdc.parse(c.get("daily-budget").asString().orElse("50")),
                c.get("deadline").as(Duration.class).orElse(Duration.ofDays(14)),
                c.get("max-run").as(Duration.class).orElse(Duration.ofMinutes(15)),
                c.get("dedupe-horizon").as(Duration.class).orElse(Duration.ofDays(180)));
    }

    /** The agent that owns the scraper's bounties: found by its wallet, registered the first time. */
    private static AgentId platformPoster(Core core, SqlStorage storage, WalletAddress wallet) {
        var existing = storage.agentByWallet(wallet);
        if (existing.isPresent()) {
            return existing.get().id();
        }
        return core.agents().register(new RegisterAgentCommand(wallet, new AgentProfile("moldtank-scraper",
                "MoldTank's own bounties, drafted from wishes agents posted on Moltbook", null, null))).orThrow().id();
    }

    @Override
    public Optional<ScraperRun> runIfDue() {
        return observed(runs::runIfDue);
    }

    @Override
    public Optional<ScraperRun> runNow() {
        return observed(runs::runNow);
    }

    @Override
    public List<ScraperRun> runs(int limit) {
        return runs.runs(limit);
    }

    private Optional<ScraperRun> observed(Supplier<Optional<ScraperRun>> run) {
        try {
            Optional<ScraperRun> done = run.get();
            done.ifPresent(this::ran);
            return done;
        } catch (RuntimeException e) {
            outcome(ScraperRun.Outcome.FAILED).increment();
            LOG.atError().addKeyValue("event", "scraper-run-failed").setCause(e).log("scraper run failed");
            throw e;
        }
    }

    private void ran(ScraperRun r) {
        outcome(r.outcome()).increment();
        counter("moldtank.scraper.posts.seen", "").increment(r.postsSeen());
        counter("moldtank.scraper.drafts.created", "").increment(r.draftsCreated());
        counter("moldtank.scraper.rate.limited", "").increment(r.rateLimited());
        LAST_RUN.set(r.finishedAt().getEpochSecond());
        LOG.atInfo().addKeyValue("event", "scraper-run").addKeyValue("outcome", r.outcome().name())
                .addKeyValue("slot", r.slot().toString()).addKeyValue("onDemand", r.onDemand())
                .addKeyValue("postsSeen", r.postsSeen()).addKeyValue("candidates", r.candidates())
                .addKeyValue("drafts", r.draftsCreated()).addKeyValue("rateLimited", r.rateLimited())
                .addKeyValue("errors", r.errors().size())
                .addKeyValue("ms", Duration.between(r.startedAt(), r.finishedAt()).toMillis())
                .log("scraper run finished");
    }

    /** How often the scheduler asks {@link #pass} whether the latest slot still has to run. */
    Duration checkInterval() {
        return check;
    }

    /** The scheduler's pass: runs the latest slot when no node has run it yet (failures logged and counted). */
    int pass(boolean newTerm) {
        try {
            runIfDue();
        } catch (RuntimeException logged) {
            // counted and logged in observed(); the slot stays due and is tried again
        }
        return 0;
    }

    private Counter outcome(ScraperRun.Outcome o) {
        return registry.getOrCreate(Counter.builder("moldtank.scraper.runs").description("scraper runs by outcome")
                .tags(List.of(Metrics.tag("outcome", o.name().toLowerCase(Locale.ROOT)))));
    }

    private Counter counter(String name, String description) {
        return registry.getOrCreate(Counter.builder(name).description(description));
    }

    @Override
    public void close() {
        // nothing of its own runs: its passes are the scheduler's, stopped before this is closed
    }
}
