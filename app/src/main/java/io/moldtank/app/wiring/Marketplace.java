package io.moldtank.app.wiring;

import io.helidon.config.Config;
import io.helidon.health.HealthCheckResponse;
import io.moldtank.adapters.persistence.PersistenceAdapters;
import io.moldtank.adapters.persistence.storage.SqlStorage;
import io.moldtank.domain.payout.RetrySchedule;
import io.moldtank.domain.shared.DomainEvent;
import io.moldtank.domain.agent.WalletAddress;
import io.moldtank.domain.money.BasisPoints;
import io.moldtank.domain.money.FeeSchedule;
import io.moldtank.domain.money.Usdc;
import io.moldtank.ports.memory.InMemoryTreasury;
import io.moldtank.ports.out.chain.TreasuryGateway;
import io.moldtank.ports.out.events.EventFeed;
import io.moldtank.adapters.http.HttpAdapters;
import io.moldtank.ports.service.Registry;
import io.moldtank.ports.memory.InMemorySubmissionQueue;
import io.moldtank.ports.memory.InProcessIdempotencyStore;
import io.moldtank.ports.memory.InProcessNonceStore;
import io.moldtank.ports.memory.InProcessRateLimiter;
import io.moldtank.ports.out.guard.IdempotencyStore;
import io.moldtank.ports.out.guard.NonceStore;
import io.moldtank.ports.out.guard.RateLimiter;
import io.moldtank.ports.out.queue.SubmissionQueue;
import io.moldtank.ports.out.validation.Validator;
import io.moldtank.ports.service.Core;
import io.moldtank.ports.service.RequeueingSubmissions;
import io.moldtank.ports.service.Storage;
import io.moldtank.ports.service.ValidationSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * Chooses an adapter for every port from configuration, wires the application core over them and
 * starts what this node's roles ({@code moldtank.roles}) run: the API's routes, the queue workers, the
 * periodic work under the scheduler lease. Defaults need nothing installed: an H2 file, its own queue,
 * in-process nonces, rate limits and idempotency keys, the in-process mock chain.
 */
public final class Marketplace {

    /** What the HTTP routes need besides the use cases. */
    public record Guards(NonceStore nonces, RateLimiter rateLimiter, IdempotencyStore idempotency) {
    }

    private Marketplace() {
    }

    public static Core wire(Config config, Wiring wiring) {
        Config m = config.get("moldtank");
        ValidationSettings validation = new ValidationSettings(
                m.get("validation.max-attempts").asInt().orElse(3),
                m.get("validation.lease").as(Duration.class).orElse(Duration.ofMinutes(6)),
                m.get("validation.retry-delay").as(Duration.class).orElse(Duration.ofSeconds(5)));

        Webhooks.refuseTestSettingsOnPublicChain(m); // before anything opens
        Roles roles = wiring.provide(Roles.class, Roles.from(m.get("roles")));
        wiring.chose("roles", roles.toString());
        PersistenceAdapters.SqlStore sql = wiring.own("sql", openSql(m.get("storage"), wiring));
        SqlStorage storage = sql.storage();
        wiring.addReadinessCheck("storage", () -> probe(sql));
        Webhooks webhooks = wiring.own("webhooks", Webhooks.wire(m.get("webhooks"), storage, wiring));
        AgentCards cards = AgentCards.wire(m.get("a2a"), storage, wiring);
        Reputation reputation = wiring.own("reputation", Reputation.wire(m.get("reputation"), storage, wiring));

        // the queue's own attempts outlast the domain's, so the domain decides dead letters
        int queueAttempts = validation.maxAttempts() + 2;
        String queueKind = m.get("queue.kind").asString().orElse("storage").toLowerCase(Locale.ROOT);
        String guardKind = m.get("guard.kind").asString().orElse("in-process").toLowerCase(Locale.ROOT);
        PersistenceAdapters.RedisStore redis = queueKind.equals("redis") || guardKind.equals("redis")
                ? wiring.own("redis", PersistenceAdapters.redis(m.get("redis.uri").asString()
                .orElse("redis://127.0.0.1:6379"), m.get("redis.prefix").asString().orElse("moldtank:")))
                : null;
        SubmissionQueue queue = switch (queueKind) {
            case "storage" -> sql.submissionQueue(wiring.clock(), queueAttempts);
            case "redis" -> redis.submissionQueue(wiring.clock(), queueAttempts);
            case "memory" -> new InMemorySubmissionQueue(wiring.clock(), queueAttempts);
            default -> throw new IllegalArgumentException("moldtank.queue.kind must be storage, redis or memory");
        };
        wiring.chose("queue", queueKind);
        Guards guards = switch (guardKind) {
            case "in-process" -> new Guards(new InProcessNonceStore(wiring.clock()),
                    new InProcessRateLimiter(wiring.clock()), new InProcessIdempotencyStore(wiring.clock()));
            case "redis" -> new Guards(redis.nonceStore(), redis.rateLimiter(wiring.clock()), redis.idempotencyStore());
            default -> throw new IllegalArgumentException("moldtank.guard.kind must be in-process or redis");
        };
        wiring.provide(Guards.class, guards);
        wiring.chose("nonces-rate-limits-and-idempotency", guardKind);

        Chain chain = Chain.from(m.get("chain"), mockJournal(m), storage.mockChainLog(), wiring);

        List<Validator> validators = Validators.from(m.get("validators"), wiring);
        wiring.chose("validators", validators.isEmpty() ? "none configured"
                : validators.stream().map(Validator::name).toList().toString());

        Core core = Core.wire(new Core.Adapters(reputation.wrap(webhooks.storage()), queue, chain.escrow(), chain.rail(), validators,
                wiring.clock(), wiring.ids(), validation, RetrySchedule.STANDARD,
                m.get("validation.timeout").as(Duration.class).orElse(Duration.ofMinutes(5)),
                new WalletAddress(m.get("chain.payout-wallet").asString()
                        .orElse("0x0000000000000000000000000000000000000402"))));
        wiring.own("core", core);
        wiring.provide(Core.class, core);
        // The mock chain (and a web3j chain without treasury-key) keeps the in-process treasury.
        TreasuryGateway treasury = chain.treasury().isPresent()
                ? wiring.provide(TreasuryGateway.class, chain.treasury().get())
                : wiring.provide(InMemoryTreasury.class, new InMemoryTreasury());
        Registry registry = wiring.provide(Registry.class, Registry.wire(reputation.wrap(webhooks.registryStorage()), treasury,
                fees(m.get("fees")), wiring.clock(), wiring.ids()));

        // numbered by the events table, so a stream client can resume across restarts of this job
        EventFeed feed = wiring.provide(EventFeed.class, sql.eventFeed());
        JobChecks jobChecks = wiring.own("job-checks", JobChecks.wire(m.get("job-checks"), webhooks.registryStorage(),
                storage.jobChecks(), wiring));
        var reconciliation = Reconciliation.start(m.get("reconciliation"), Storage.of(storage), storage.reconciliation(),
                chain.history(), wiring);
        reconciliation.ifPresent(r -> wiring.own("reconciliation", r));
        var scraper = Scraper.start(m.get("scraper"), core, storage, wiring);
        scraper.ifPresent(s -> wiring.own("scraper", s));
        scraper.ifPresent(s -> wiring.provide(io.moldtank.ports.in.scraper.ScrapeUseCase.class, s));
        if (roles.has(Roles.Role.API)) {
            HttpAdapters.Api base = Api.from(m.get("http"), m.get("operator"), m.get("receipts"),
                    m.get("storage.h2.file").asString().orElse("data/moldtank") + "-receipt-key", core, guards,
                    wiring).withRegistry(registry).withWebhooks(webhooks.useCases())
                    .withAgentCards(cards.useCases()).withJobChecks(jobChecks.useCases())
                    .withReputation(reputation.useCases())
                    .withDiscovery(Discovery.wire(storage, reputation.useCases(),
                            m.get("storage.kind").asString().orElse("h2").equalsIgnoreCase("postgres"), wiring))
                    .withWaiting(wiring.own("waiting", Waiting.wire(m.get("http.wait"), feed, wiring)));
            HttpAdapters.Api api = SignInWithMoltbook.wire(m.get("moltbook"), storage, wiring).map(base::withMoltbook)
                    .orElse(base);
            HttpAdapters.Api withOperator = reconciliation.map(r -> api.withReconciliation(r)).orElse(api);
            HttpAdapters.Api wired = wiring.provide(HttpAdapters.Api.class,
                    scraper.map(s -> withOperator.withScraper(s.routes())).orElse(withOperator));
            OperatorConsole.provide(m.get("console"), wired, storage, chain.history().orElse(null), feed, wiring);
        } else {
            wiring.chose("api", "off: this node's moldtank.roles has no api (health and metrics only)");
        }
        MoneyMetrics.register(storage.operatorConsole(), chain.history().orElse(null));
        MarketMetrics metrics = new MarketMetrics(queue, storage);
        feed.subscribe(metrics::live);
        Consumer<DomainEvent> subscriber = metrics::record;
        storage.subscribe(subscriber);
        RoleWork.start(roles, m, new RoleWork.Parts(core, webhooks, cards, jobChecks, reputation,
                reconciliation, scraper, metrics,
                validators.isEmpty(), new RequeueingSubmissions(storage, queue, wiring.clock()), storage.leases(),
                m.get("storage.kind").asString().orElse("h2").equalsIgnoreCase("h2")), wiring);
        return core;
    }

    /** Seed 003's fees: the platform's cut of a completed job, and flat storage and verification fees. */
    private static FeeSchedule fees(Config fees) {
        return new FeeSchedule("configured", BasisPoints.of(fees.get("platform-cut-bps").asInt().orElse(250)),
                Usdc.parse(fees.get("storage").asString().orElse("0")),
                Usdc.parse(fees.get("verification").asString().orElse("0")));
    }

    private static PersistenceAdapters.SqlStore openSql(Config storage, Wiring wiring) {
        String kind = storage.get("kind").asString().orElse("h2").toLowerCase(Locale.ROOT);
        return switch (kind) {
            case "h2" -> {
                Path file = Path.of(storage.get("h2.file").asString().orElse("data/moldtank"));
                wiring.chose("storage", "h2 file " + file.toAbsolutePath());
                yield PersistenceAdapters.h2File(file);
            }
            case "postgres" -> {
                String url = storage.get("postgres.url").asString().orElse("jdbc:postgresql://127.0.0.1:5432/moldtank");
                wiring.chose("storage", "postgres " + url);
                yield PersistenceAdapters.sql(PersistenceAdapters.SqlSettings.postgres(url,
                        storage.get("postgres.user").asString().orElse("postgres"),
                        storage.get("postgres.password").asString().orElse(""))
                        .withSchema(storage.get("postgres.schema").asString().orElse("public")));
            }
            default -> throw new IllegalArgumentException("moldtank.storage.kind must be h2 or postgres, not " + kind);
        };
    }

    /**
     * {@code moldtank.chain.mock-journal}: a file path, {@code database} (table {@code mock_chain_log}, which
     * every node on the same database shares), or {@code ""} (in memory only). Unset: beside the H2 file, so
     * the mock chain lives as long as the data it backs; the database on PostgreSQL.
     */
    static Chain.MockJournal mockJournal(Config m) {
        var set = m.get("chain.mock-journal").asString();
        if (set.isPresent()) {
            String v = set.get().trim();
            return v.isEmpty() ? Chain.MockJournal.NONE : v.equalsIgnoreCase("database") ? Chain.MockJournal.DATABASE
                    : Chain.MockJournal.file(Path.of(v));
        }
        if (!m.get("storage.kind").asString().orElse("h2").equalsIgnoreCase("h2")) {
            return Chain.MockJournal.DATABASE;
        }
        return Chain.MockJournal.file(Path.of(m.get("storage.h2.file").asString().orElse("data/moldtank")
                + "-mock-chain.log"));
    }

    private static HealthCheckResponse probe(PersistenceAdapters.SqlStore sql) {
        try (var c = sql.dataSource().getConnection()) {
            boolean ok = c.isValid(2);
            return HealthCheckResponse.builder().status(ok).detail("database", ok ? "reachable" : "invalid").build();
        } catch (Exception e) {
            return HealthCheckResponse.builder().status(false).detail("database", e.getMessage()).build();
        }
    }
}
