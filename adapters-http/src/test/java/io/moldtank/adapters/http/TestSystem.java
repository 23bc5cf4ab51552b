package io.moldtank.adapters.http;

import io.helidon.webserver.http.HttpRouting;
import io.moldtank.domain.agent.WalletAddress;
import io.moldtank.domain.bounty.BountyId;
import io.moldtank.domain.money.Usdc;
import io.moldtank.domain.payout.RetrySchedule;
import io.moldtank.domain.validation.Vote;
import io.moldtank.ports.memory.InMemoryEscrow;
import io.moldtank.ports.memory.InMemoryEventFeed;
import io.moldtank.ports.memory.InMemoryStorage;
import io.moldtank.ports.memory.InMemorySubmissionQueue;
import io.moldtank.ports.memory.InProcessIdempotencyStore;
import io.moldtank.ports.memory.InProcessNonceStore;
import io.moldtank.ports.memory.InProcessRateLimiter;
import io.moldtank.ports.memory.RecordingPaymentRail;
import io.moldtank.ports.memory.ScriptedValidator;
import io.moldtank.ports.out.guard.RateLimiter;
import io.moldtank.ports.service.Core;
import io.moldtank.ports.service.Registry;
import io.moldtank.ports.service.RegistryStorage;
import io.moldtank.ports.memory.InMemoryTreasury;
import io.moldtank.domain.money.BasisPoints;
import io.moldtank.domain.money.FeeSchedule;
import io.moldtank.ports.service.Storage;
import io.moldtank.ports.service.ValidationSettings;
import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A whole MoldTank in memory behind the HTTP adapter: the real clock (signatures are timed against it),
 * one scripted validator that passes files starting with "pass", a DNS that knows two test hosts, and
 * operator access with {@link #OPERATOR}'s token.
 */
final class TestSystem {
    static final String ALLOWED_ORIGIN = "https://app.moldtank.test";
    static final byte[] CHALLENGE_SECRET = "challenge-secret-challenge-secret-0123".getBytes();
    static final HttpAdapters.WalletAuth WALLET_AUTH = new HttpAdapters.WalletAuth(CHALLENGE_SECRET, 84532L, "k1",
            java.util.Map.of("k1", "jwt-key-jwt-key-jwt-key-jwt-key-jwt-key".getBytes()));

    /** The operator the test servers accept; tests that need operator access off set {@link #operator} to null. */
    static final HttpAdapters.Operator OPERATOR = new HttpAdapters.Operator("ops@moldtank",
            "operator-token-0123456789abcdef0123456789abcdef");
    /** Five tries like the seed's, without the waits, so a test parks a payout at once. */
    static final RetrySchedule IMMEDIATE_RETRIES = new RetrySchedule(java.util.Collections.nCopies(5, Duration.ZERO));

    final Clock clock = Clock.systemUTC();
    HttpAdapters.Operator operator = OPERATOR;
    final AtomicLong nextId = new AtomicLong();
    final InMemoryStorage storage = new InMemoryStorage();
    final InMemoryEventFeed feed = new InMemoryEventFeed(storage);
    final InMemoryEscrow escrow = new InMemoryEscrow();
    final InProcessRateLimiter limiter = new InProcessRateLimiter(clock);
    final RouteTable routes = new RouteTable();
    final InProcessIdempotencyStore idempotency = new InProcessIdempotencyStore(clock);
    /** Set to make the store refuse to record answers, as a Redis that went away would. */
    final java.util.concurrent.atomic.AtomicBoolean idempotencyWritesFail = new java.util.concurrent.atomic.AtomicBoolean();
    private final io.moldtank.ports.out.guard.IdempotencyStore idempotencyUsed = new FlakyIdempotency();
    final Core core;
    /** Seed 003's registry on the same storage; agents fund their balance through {@link #treasury}. */
    static final FeeSchedule FEES = new FeeSchedule("test", BasisPoints.of(250), Usdc.parse("0.01"),
            Usdc.parse("0.01"));
    final InMemoryTreasury treasury = new InMemoryTreasury();
    final Registry registry;

    final HttpAdapters.Buckets buckets;

    /** Roomy buckets, so flow tests are not throttled by sharing 127.0.0.1. */
    TestSystem() {
        this(new HttpAdapters.Buckets(new RateLimiter.BucketSpec(10_000, 10_000),
                new RateLimiter.BucketSpec(10_000, 10_000), new RateLimiter.BucketSpec(10_000, 10_000)));
    }

    TestSystem(HttpAdapters.Buckets buckets) {
        this.buckets = buckets;
        ScriptedValidator validator = new ScriptedValidator("tests", r -> vote(r.content().files().values().iterator()
                .next()), clock);
        core = Core.wire(new Core.Adapters(Storage.of(storage), new InMemorySubmissionQueue(clock, 3), escrow,
                new RecordingPaymentRail(), List.of(validator), clock,
                () -> new UUID(0x7E57, nextId.incrementAndGet()),
                new ValidationSettings(3, Duration.ofMinutes(5), Duration.ZERO), IMMEDIATE_RETRIES,
                Duration.ofSeconds(5), new io.moldtank.domain.agent.WalletAddress("0x" + "9a".repeat(20))));
        registry = Registry.wire(RegistryStorage.of(storage), treasury, FEES, clock,
                () -> new UUID(0x7E58, nextId.incrementAndGet()));
    }

    /** The API plus the /observe metrics endpoint, for tests that read what the API counted. */
    void serveWithMetrics(io.helidon.webserver.WebServerConfig.Builder server) {
        server.featuresDiscoverServices(false)
                .addFeature(io.helidon.webserver.observe.ObserveFeature.builder().endpoint("/observe")
                        .addObserver(io.helidon.webserver.observe.metrics.MetricsObserver.create()).build())
                .routing(this::routing);
    }

    /** Reconciliation over the same in-memory storage and escrow, for its operator routes. */
    final io.moldtank.ports.memory.InMemoryReconciliation reconciliationStore =
            new io.moldtank.ports.memory.InMemoryReconciliation(storage);
    final io.moldtank.ports.service.ReconcilingEscrow reconciliation = new io.moldtank.ports.service.ReconcilingEscrow(
            Storage.of(storage), reconciliationStore, reconciliationStore, reconciliationStore, escrow, clock, "test",
            Duration.ofMinutes(5));

    /** The scraper over a fixed list of posts, for its operator routes. */
    final io.moldtank.ports.memory.FixedProblemSource moltbook = new io.moldtank.ports.memory.FixedProblemSource();
    final io.moldtank.ports.memory.InMemoryDraftStore draftStore = new io.moldtank.ports.memory.InMemoryDraftStore();

    /** Webhook endpoints on the in-memory store; URLs pass the same SSRF guard as the API's (see {@link #dns}). */
    final io.moldtank.ports.memory.InMemoryWebhookStore webhookStore = new io.moldtank.ports.memory.InMemoryWebhookStore();
    final io.moldtank.ports.service.KeepingWebhooks webhooks = new io.moldtank.ports.service.KeepingWebhooks(
            webhookStore, storage, new io.moldtank.ports.service.OutboundUrlGuard(TestSystem::dns), clock,
            () -> new UUID(0x7E5A, nextId.incrementAndGet()), io.moldtank.ports.service.KeepingWebhooks.randomSecrets(),
            Duration.ofHours(24));

    /** A2A cards on the in-memory store; {@link #cardAnswer} scripts what each agent's endpoint serves. */
    volatile java.util.function.Function<String, io.moldtank.ports.out.a2a.CardFetcher.Result> cardAnswer =
            endpoint -> new io.moldtank.ports.out.a2a.CardFetcher.Result.Failed("unreachable", "no fake agent");
    final io.moldtank.ports.service.KeepingAgentCards cards = new io.moldtank.ports.service.KeepingAgentCards(
            new io.moldtank.ports.memory.InMemoryCardStore(), (endpoint, etag) -> cardAnswer.apply(endpoint),
            new io.moldtank.ports.service.OutboundUrlGuard(TestSystem::dns), clock,
            io.moldtank.ports.service.KeepingAgentCards.Settings.STANDARD, outcome -> { });

    /** Sign in with Moltbook over a scripted Moltbook: {@link #moltbookAnswer} per token, calls counted. */
    volatile java.util.function.Function<String, io.moldtank.ports.out.moltbook.IdentityVerifier.Verification>
            moltbookAnswer = token -> new io.moldtank.ports.out.moltbook.IdentityVerifier.Verification.Unavailable(
                    "no fake Moltbook");
    final java.util.concurrent.atomic.AtomicInteger moltbookCalls = new java.util.concurrent.atomic.AtomicInteger();
    final io.moldtank.ports.service.SigningInWithMoltbook signIn = new io.moldtank.ports.service.SigningInWithMoltbook(
            token -> {
                moltbookCalls.incrementAndGet();
                return moltbookAnswer.apply(token);
            }, new io.moldtank.ports.memory.InMemoryMoltbookLinks(), clock,
            io.moldtank.ports.service.SigningInWithMoltbook.Settings.STANDARD, outcome -> { });

    /** ?wait= is woken by the in-memory feed; a test may shrink the bound before routing. */
    io.moldtank.ports.service.WaitingForChanges.Settings waitingSettings =
            io.moldtank.ports.service.WaitingForChanges.Settings.DEFAULTS;
    io.moldtank.ports.service.WaitingForChanges waiting;
    /**
     * Sandbox-checked jobs over the same storage; {@link #checkAnswer} scripts the sandbox's vote per result,
     * and a test runs the worker's pass itself ({@code checks.checkDue}).
     */
    volatile java.util.function.Function<io.moldtank.domain.job.JobResult, Vote> checkAnswer =
            result -> new Vote("test-runner", result.content().startsWith("pass") ? Vote.Kind.PASS : Vote.Kind.FAIL,
                    "scripted", java.util.Map.of("reason", "tests-failed", "stdoutTail", "saw " + result.content()),
                    Duration.ofMillis(5), clock.instant());
    final java.util.List<io.moldtank.ports.service.CheckingJobs.CheckReport> checkReports =
            new java.util.concurrent.CopyOnWriteArrayList<>();
    final io.moldtank.ports.service.CheckingJobs checks = new io.moldtank.ports.service.CheckingJobs(
            RegistryStorage.of(storage), new io.moldtank.ports.memory.InMemoryPendingJobChecks(storage),
            (check, result) -> checkAnswer.apply(result),
            // the standard attempts and lease, without the pause between tries (the clock is the real one)
            new io.moldtank.domain.job.CheckPolicy(3, io.moldtank.domain.job.CheckPolicy.MIN_LEASE, Duration.ZERO),
            io.moldtank.domain.job.JobAccounts.STANDARD, clock, checkReports::add);
    /** Reputation and text search over the same in-memory storage and card cache. */
    final io.moldtank.ports.memory.InMemoryReputation reputationStore =
            new io.moldtank.ports.memory.InMemoryReputation(storage, null);
    final io.moldtank.ports.service.ReckoningReputation reputation = new io.moldtank.ports.service.ReckoningReputation(
            storage, storage, reputationStore, reputationStore, io.moldtank.domain.reputation.Reckoning.STANDARD, clock,
            trigger -> { });
    final io.moldtank.ports.memory.InMemorySearch search = new io.moldtank.ports.memory.InMemorySearch(storage,
            new io.moldtank.ports.memory.InMemoryCardStore(), reputationStore);
    final io.moldtank.ports.service.Discovering discovery = new io.moldtank.ports.service.Discovering(search, search,
            reputation.neutralScore(), (target, sort, text) -> { });

    void routing(HttpRouting.Builder routing) {
        // the core is made in the constructor, after field initialisers ran: the scraper is built here
        var drafts = new io.moldtank.ports.service.ReviewingDrafts(draftStore, core, null, Duration.ofDays(14), clock);
        var scraper = new io.moldtank.ports.service.ScrapingProblems(
            draftStore, reconciliationStore, moltbook, new io.moldtank.ports.in.scraper.ScraperSettings(
            io.moldtank.domain.scraper.CronSchedule.parse("0 6 * * *"),
            io.moldtank.domain.scraper.WishPatterns.withExtra(List.of()), io.moldtank.domain.scraper.RewardBands.DEFAULT,
            3, new io.moldtank.ports.out.source.ProblemSource.Limits(5, 1 << 20, Duration.ofDays(1), 1),
            io.moldtank.ports.in.scraper.ScraperSettings.Mode.REVIEW, io.moldtank.domain.money.Usdc.ofWhole(10),
            Duration.ofDays(14), Duration.ofMinutes(5), Duration.ofDays(90)), drafts, clock,
            () -> new UUID(0x7E59, nextId.incrementAndGet()), "test");
        HttpAdapters.Api api = new HttpAdapters.Api(core, new InProcessNonceStore(clock), limiter,
                idempotencyUsed, clock, Set.of(ALLOWED_ORIGIN), buckets, WALLET_AUTH, operator).withRegistry(registry)
                .withReconciliation(reconciliation).withScraper(new HttpAdapters.Scraper(scraper, drafts))
                .withWebhooks(webhooks).withAgentCards(cards).withMoltbook(signIn)
                .withJobChecks(checks).withReputation(reputation).withDiscovery(discovery)
                .withWaiting(waiting = new io.moldtank.ports.service.WaitingForChanges(feed, waitingSettings));
        HttpAdapters.register(routing, api, new UrlGuard(TestSystem::dns), routes);
    }

    /** "pass…" files pass, "error…" files make the validator fail to answer (dead letters), the rest fail. */
    private static Vote.Kind vote(String file) {
        return file.startsWith("pass") ? Vote.Kind.PASS : file.startsWith("error") ? Vote.Kind.ERROR : Vote.Kind.FAIL;
    }

    /** The login the server runs, for tests that sign its challenges. */
    static WalletLogin walletLogin() {
        return new WalletLogin(CHALLENGE_SECRET, WALLET_AUTH.chainId(), Clock.systemUTC());
    }

    /** public.moldtank.test is a public address; internal.moldtank.test is the cloud metadata address. */
    static List<InetAddress> dns(String host) throws java.net.UnknownHostException {
        return switch (host) {
            case "public.moldtank.test" -> List.of(InetAddress.getByName("93.184.216.34"));
            case "internal.moldtank.test" -> List.of(InetAddress.getByName("169.254.169.254"));
            default -> throw new java.net.UnknownHostException(host);
        };
    }

    /** The poster's wallet pays the escrow, as its wallet would after signing the instructions. */
    String payDeposit(BountyId id, WalletAddress from, Usdc amount) {
        escrow.mint(from, amount);
        return escrow.deposit(id, from, amount);
    }

    int eventCount() {
        return storage.published().size();
    }

    private final class FlakyIdempotency implements io.moldtank.ports.out.guard.IdempotencyStore {
        @Override
        public Claim claim(String key, String fingerprint, java.time.Duration ttl) {
            return idempotency.claim(key, fingerprint, ttl);
        }

        @Override
        public void complete(String key, Stored answer, java.time.Duration ttl) {
            if (idempotencyWritesFail.get()) {
                throw new io.moldtank.ports.out.guard.GuardUnavailableException("idempotency store unreachable", null);
            }
            idempotency.complete(key, answer, ttl);
        }

        @Override
        public void release(String key) {
            if (idempotencyWritesFail.get()) {
                throw new io.moldtank.ports.out.guard.GuardUnavailableException("idempotency store unreachable", null);
            }
            idempotency.release(key);
        }
    }
}
