package io.moldtank.adapters.http;

import io.helidon.webserver.http.HttpRouting;
import io.moldtank.ports.out.guard.IdempotencyStore;
import io.moldtank.ports.out.guard.NonceStore;
import io.moldtank.ports.out.guard.RateLimiter;
import io.moldtank.ports.out.guard.RateLimiter.BucketSpec;
import io.moldtank.ports.service.Core;
import io.moldtank.ports.in.reconciliation.ReconciliationUseCases;
import io.moldtank.ports.in.scraper.ReviewDraftsUseCase;
import io.moldtank.ports.in.scraper.ScrapeUseCase;
import io.moldtank.ports.in.webhook.WebhookUseCases;
import io.moldtank.ports.in.a2a.AgentCardUseCases;
import io.moldtank.ports.in.moltbook.MoltbookUseCases;
import io.moldtank.ports.in.waiting.AwaitChangeUseCase;
import io.moldtank.ports.in.job.JobCheckUseCases;
import io.moldtank.ports.in.reputation.ReputationUseCases;
import io.moldtank.ports.in.search.DiscoveryUseCases;
import io.moldtank.ports.service.Registry;
import io.moldtank.ports.service.WaitingForChanges;
import io.helidon.webserver.websocket.WsRouting;
import io.moldtank.ports.out.events.EventFeed;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The one public entry of adapters-http: registers the agent-facing API (/api/v1, /skill.md) on a
 * routing, over the wired core and the guard ports the app chose (in-process or Redis).
 */
public final class HttpAdapters {
    public static final String API_ROOT = "/api/v1";

    private HttpAdapters() {
    }

    /**
     * What the API needs: the use cases, the guards, the clock requests are timed against, and the
     * browser origins allowed by CORS (empty: no browser access).
     */
    public record Api(Core core, NonceStore nonces, RateLimiter limiter, IdempotencyStore idempotency, Clock clock,
                      Set<String> corsOrigins, Buckets buckets, WalletAuth walletAuth, Operator operator,
                      Registry registry, SubmissionReceipts receipts, ReconciliationUseCases reconciliation,
                      Scraper scraper, WebhookUseCases webhooks, AgentCardUseCases cards, MoltbookUseCases moltbook,
                      AwaitChangeUseCase waiting, JobCheckUseCases jobChecks, ReputationUseCases reputation,
                      DiscoveryUseCases discovery) {
        /** Without the optional parts from reconciliation on (each {@code with…} method adds one). */
        public Api(Core core, NonceStore nonces, RateLimiter limiter, IdempotencyStore idempotency, Clock clock,
                   Set<String> corsOrigins, Buckets buckets, WalletAuth walletAuth, Operator operator,
                   Registry registry, SubmissionReceipts receipts) {
            this(core, nonces, limiter, idempotency, clock, corsOrigins, buckets, walletAuth, operator, registry,
                    receipts, null, null, null, null, null, null, null, null, null);
        }

        /** With receipts signed by a key of this process only (receipts stop verifying once it ends). */
        public Api(Core core, NonceStore nonces, RateLimiter limiter, IdempotencyStore idempotency, Clock clock,
                   Set<String> corsOrigins, Buckets buckets, WalletAuth walletAuth, Operator operator, Registry registry) {
            this(core, nonces, limiter, idempotency, clock, corsOrigins, buckets, walletAuth, operator, registry,
                    SubmissionReceipts.fromSeed(SubmissionReceipts.newSeed()));
        }

        /** Without the agent registry (seed 003): its routes are not registered. */
        public Api(Core core, NonceStore nonces, RateLimiter limiter, IdempotencyStore idempotency, Clock clock,
                   Set<String> corsOrigins, Buckets buckets, WalletAuth walletAuth, Operator operator) {
            this(core, nonces, limiter, idempotency, clock, corsOrigins, buckets, walletAuth, operator, null);
        }

        /** Without operator access: the /api/v1/admin routes answer 404. */
        public Api(Core core, NonceStore nonces, RateLimiter limiter, IdempotencyStore idempotency, Clock clock,
                   Set<String> corsOrigins, Buckets buckets, WalletAuth walletAuth) {
            this(core, nonces, limiter, idempotency, clock, corsOrigins, buckets, walletAuth, null);
        }

        /** With the seed's bucket sizes and no wallet login. */
        public Api(Core core, NonceStore nonces, RateLimiter limiter, IdempotencyStore idempotency, Clock clock,
                   Set<String> corsOrigins) {
            this(core, nonces, limiter, idempotency, clock, corsOrigins, Buckets.SEED_003, null);
        }

        public Api {
            Objects.requireNonNull(buckets, "buckets");
            Objects.requireNonNull(receipts, "receipts");
            Objects.requireNonNull(core, "core");
            Objects.requireNonNull(nonces, "nonces");
            Objects.requireNonNull(limiter, "limiter");
            Objects.requireNonNull(idempotency, "idempotency");
            Objects.requireNonNull(clock, "clock");
            corsOrigins = corsOrigins == null ? Set.of() : Set.copyOf(corsOrigins);
        }

        /** The same API with the agent registry's routes: listings, discovery, jobs, reviews, wallet, fees. */
        public Api withRegistry(Registry registry) {
            return new Api(core, nonces, limiter, idempotency, clock, corsOrigins, buckets, walletAuth, operator,
                    Objects.requireNonNull(registry, "registry"), receipts, reconciliation, scraper, webhooks, cards,
                    moltbook, waiting, jobChecks, reputation, discovery);
        }

        /** The same API with the operator's reconciliation routes (/api/v1/admin/reconciliation). */
        public Api withReconciliation(ReconciliationUseCases reconciliation) {
            return new Api(core, nonces, limiter, idempotency, clock, corsOrigins, buckets, walletAuth, operator,
                    registry, receipts, Objects.requireNonNull(reconciliation, "reconciliation"), scraper, webhooks,
                    cards, moltbook, waiting, jobChecks, reputation, discovery);
        }

        /** The same API with the scraper's operator routes (/api/v1/admin/drafts, /api/v1/admin/scraper/runs). */
        public Api withScraper(Scraper scraper) {
            return new Api(core, nonces, limiter, idempotency, clock, corsOrigins, buckets, walletAuth, operator,
                    registry, receipts, reconciliation, Objects.requireNonNull(scraper, "scraper"), webhooks, cards,
                    moltbook, waiting, jobChecks, reputation, discovery);
        }

        /** The same API with an agent's webhook routes (/api/v1/webhooks). */
        public Api withWebhooks(WebhookUseCases webhooks) {
            return new Api(core, nonces, limiter, idempotency, clock, corsOrigins, buckets, walletAuth, operator,
                    registry, receipts, reconciliation, scraper, Objects.requireNonNull(webhooks, "webhooks"), cards,
                    moltbook, waiting, jobChecks, reputation, discovery);
        }

        /** The same API with agents' A2A cards: an a2aEndpoint on profiles, the cached card on views and discovery. */
        public Api withAgentCards(AgentCardUseCases cards) {
            return new Api(core, nonces, limiter, idempotency, clock, corsOrigins, buckets, walletAuth, operator,
                    registry, receipts, reconciliation, scraper, webhooks, Objects.requireNonNull(cards, "cards"),
                    moltbook, waiting, jobChecks, reputation, discovery);
        }

        /** The same API with "Sign in with Moltbook" (X-Moltbook-Identity, POST /api/v1/agents/{id}/moltbook). */
        public Api withMoltbook(MoltbookUseCases moltbook) {
            return new Api(core, nonces, limiter, idempotency, clock, corsOrigins, buckets, walletAuth, operator,
                    registry, receipts, reconciliation, scraper, webhooks, cards,
                    Objects.requireNonNull(moltbook, "moltbook"), waiting, jobChecks, reputation, discovery);
        }

        /**
         * The same API with {@code ?wait=} served by this waiting service (woken by the event feed, bounded);
         * without it, waits re-read only, with the default bound.
         */
        public Api withWaiting(AwaitChangeUseCase waiting) {
            return new Api(core, nonces, limiter, idempotency, clock, corsOrigins, buckets, walletAuth, operator,
                    registry, receipts, reconciliation, scraper, webhooks, cards, moltbook,
                    Objects.requireNonNull(waiting, "waiting"), jobChecks, reputation, discovery);
        }

        /** The same API with sandbox-checked jobs: a verify without a verdict queues the check; operators see dead letters. */
        public Api withJobChecks(JobCheckUseCases jobChecks) {
            return new Api(core, nonces, limiter, idempotency, clock, corsOrigins, buckets, walletAuth, operator,
                    registry, receipts, reconciliation, scraper, webhooks, cards, moltbook, waiting,
                    Objects.requireNonNull(jobChecks, "jobChecks"), reputation, discovery);
        }

        /** The same API with reputations: a summary on every profile, and GET /api/v1/agents/{id}/reputation/export. */
        public Api withReputation(ReputationUseCases reputation) {
            return new Api(core, nonces, limiter, idempotency, clock, corsOrigins, buckets, walletAuth, operator,
                    registry, receipts, reconciliation, scraper, webhooks, cards, moltbook, waiting, jobChecks,
                    Objects.requireNonNull(reputation, "reputation"), discovery);
        }

        /** The same API with text search: q, sort and minReputation on GET /api/v1/discover, q on GET /api/v1/bounties. */
        public Api withDiscovery(DiscoveryUseCases discovery) {
            return new Api(core, nonces, limiter, idempotency, clock, corsOrigins, buckets, walletAuth, operator,
                    registry, receipts, reconciliation, scraper, webhooks, cards, moltbook, waiting, jobChecks,
                    reputation, Objects.requireNonNull(discovery, "discovery"));
        }
    }

    /** The Moltbook scraper's use cases, for its operator routes. */
    public record Scraper(ScrapeUseCase runs, ReviewDraftsUseCase drafts) {
        public Scraper {
            Objects.requireNonNull(runs, "runs");
            Objects.requireNonNull(drafts, "drafts");
        }
    }

    /**
     * Wallet login settings: the secret that makes challenge nonces (32+ bytes), the EIP-712 chain id,
     * and the HS256 JWT keys by kid ({@code currentKid} signs; all listed verify, for rotation).
     */
    public record WalletAuth(byte[] challengeSecret, long chainId, String currentKid, Map<String, byte[]> jwtKeys) {
        public WalletAuth {
            if (challengeSecret == null || challengeSecret.length < 32) {
                throw new IllegalArgumentException("the challenge secret needs at least 32 bytes");
            }
            challengeSecret = challengeSecret.clone();
            jwtKeys = Map.copyOf(jwtKeys);
        }
    }

    /**
     * Operator access to /api/v1/admin: who the token stands for (logged with every action and recorded
     * on manual resolutions) and the bearer token itself, at least 32 characters so it cannot be guessed.
     */
    public record Operator(String name, String token) {
        private static final java.util.regex.Pattern NAME = java.util.regex.Pattern.compile("[A-Za-z0-9@._-]{1,64}");

        public Operator {
            if (name == null || !NAME.matcher(name).matches()) {
                throw new IllegalArgumentException("the operator name must be 1..64 of [A-Za-z0-9@._-]");
            }
            if (token == null || token.strip().length() < MIN_OPERATOR_TOKEN || !token.equals(token.strip())) {
                throw new IllegalArgumentException("the operator token needs at least " + MIN_OPERATOR_TOKEN
                        + " characters and no surrounding spaces");
            }
        }

        /** Never the token: records end up in logs. */
        @Override
        public String toString() {
            return "Operator[" + name + "]";
        }
    }

    /** Shortest operator token accepted (e.g. {@code openssl rand -hex 32} gives 64). */
    public static final int MIN_OPERATOR_TOKEN = 32;

    /** Token-bucket sizes per caller: discovery (listing bounties), read (other GETs), write (the rest). */
    public record Buckets(BucketSpec discovery, BucketSpec read, BucketSpec write) {
        /** Seed 003: discovery 60 / 20 per min, read 120 / 60 per min, write 30 / 10 per min. */
        public static final Buckets SEED_003 = new Buckets(new BucketSpec(60, 20), new BucketSpec(120, 60),
                new BucketSpec(30, 10));

        public Buckets {
            Objects.requireNonNull(discovery, "discovery");
            Objects.requireNonNull(read, "read");
            Objects.requireNonNull(write, "write");
        }
    }

    /** Registers every route, the edge filter and the problem+json error handlers. */
    public static void register(HttpRouting.Builder routing, Api api) {
        register(routing, api, new UrlGuard(UrlGuard.SYSTEM_DNS), new RouteTable());
    }

    /**
     * Registers WS /api/v1/bounties/{id}/stream over the event feed; heartbeats every {@code heartbeat},
     * and a client more than {@value #STREAM_BACKLOG} messages behind is dropped.
     */
    public static void registerStreams(WsRouting.Builder ws, Core core, EventFeed feed, Clock clock,
                                       Duration heartbeat) {
        BountyStreamListener.Settings settings = new BountyStreamListener.Settings(feed, core.browsing(), clock,
                heartbeat, STREAM_BACKLOG);
        ws.endpoint(BountyStreamListener.PATH, () -> new BountyStreamListener(settings));
    }

    /**
     * Problem+json answers for what the server refuses before routing (malformed request lines and headers,
     * oversized URIs and headers, refused WebSocket upgrades); set on the server's listener.
     */
    public static io.helidon.webserver.http.DirectHandlers connectionProblems() {
        return ConnectionProblems.handlers();
    }

    /**
     * The agent an AgentSig names, or why it is refused: for a door outside /api/v1 (the MCP endpoint) that
     * must accept exactly what the API accepts, with the same nonce store. Spends no rate-limit token.
     */
    @FunctionalInterface
    public interface SignatureCheck {
        Checked check(io.helidon.webserver.http.ServerRequest req, byte[] body);
    }

    /** {@code agent} when the signature holds; otherwise the problem's status, code and detail. */
    public record Checked(io.moldtank.domain.agent.AgentId agent, int status, String code, String detail) {
    }

    /** The API's AgentSig check, for another door over the same agents and nonces. */
    public static SignatureCheck signatures(Api api) {
        RateLimits limits = new RateLimits(api.limiter(), api.buckets());
        Authenticator auth = new Authenticator(api.core().agents(), api.nonces(), api.clock(), limits, null);
        return (req, body) -> {
            try {
                return new Checked(auth.verified(req, body), 200, null, null);
            } catch (ApiProblem p) {
                return new Checked(null, p.status(), p.type().substring(ApiProblem.TYPE_ROOT.length()), p.getMessage());
            }
        };
    }

    /** Messages a stream client may fall behind before it is dropped. */
    public static final int STREAM_BACKLOG = 1024;

    static void register(HttpRouting.Builder routing, Api api, UrlGuard urls, RouteTable table) {
        Core core = api.core();
        RateLimits limits = new RateLimits(api.limiter(), api.buckets());
        WalletAuth wa = api.walletAuth();
        WalletTokens tokens = wa == null ? null : new WalletTokens(wa.currentKid(), wa.jwtKeys(), api.clock());
        Authenticator auth = new Authenticator(core.agents(), api.nonces(), api.clock(), limits, tokens);
        Idempotency idempotency = new Idempotency(api.idempotency());
        Waits waits = new Waits(api.waiting() != null ? api.waiting() : WaitingForChanges.rereading());
        // Services are built first so the route table is complete before the filter names families.
        AgentsService agents = new AgentsService(core.agents(), auth, urls, table, api.cards(),
                api.moltbook(), api.reputation());
        BountiesService bounties = new BountiesService(core, auth, idempotency, table, waits, api.discovery());
        CommentsService comments = new CommentsService(core, auth, table);
        SubmissionsService submissions = new SubmissionsService(core, auth, idempotency, table, api.receipts(), api.clock(),
                waits);
        ReceiptKeysService receiptKeys = new ReceiptKeysService(api.receipts(), table);
        DocsService docs = new DocsService(table);
        OperatorService operator = new OperatorService(core, new OperatorAuth(api.operator()), OperatorActions.global(),
                table);
        ReconciliationService reconciliation = api.reconciliation() == null ? null : new ReconciliationService(
                api.reconciliation(), new OperatorAuth(api.operator()), OperatorActions.global(), table);
        DraftsService drafts = api.scraper() == null ? null : new DraftsService(api.scraper().drafts(),
                api.scraper().runs(), new OperatorAuth(api.operator()), OperatorActions.global(), table);
        EdgeFilter edge = new EdgeFilter(limits, api.corsOrigins(), ApiMetrics.global(), new RouteFamily(table));
        routing.addFilter(edge)
                .register(AgentsService.PATH, agents)
                .register(BountiesService.PATH, bounties, comments)
                .register(SubmissionsService.PATH, submissions)
                .register(OperatorService.PATH, operator)
                .register(docs)
                .register(receiptKeys);
        if (reconciliation != null) {
            routing.register(ReconciliationService.PATH, reconciliation);
        }
        if (drafts != null) {
            routing.register(DraftsService.PATH, drafts);
        }
        if (api.reputation() != null) {
            routing.register(AgentsService.PATH, new ReputationService(api.reputation(), api.receipts(), api.clock(),
                    table));
        }
        if (api.webhooks() != null) {
            routing.register(WebhooksService.PATH, new WebhooksService(api.webhooks(), auth, table));
        }
        if (api.registry() != null) {
            RegistryRoutes.register(routing, api.registry(), core.agents(), auth, idempotency, table, api.cards(),
                    waits, api.jobChecks(), api.discovery());
        }
        if (api.jobChecks() != null) {
            routing.register(OperatorService.PATH, new JobChecksAdminService(api.jobChecks(),
                    new OperatorAuth(api.operator()), OperatorActions.global(), table));
        }
        if (wa != null) {
            routing.register(AuthService.PATH, new AuthService(new WalletLogin(wa.challengeSecret(), wa.chainId(),
                    api.clock()), tokens, api.nonces(), table));
        }
        // Anything else under /api/v1 is a problem+json 404, not the server's plain default.
        routing.any(API_ROOT + "/*", (req, res) -> {
            throw ApiProblem.notFound("route", req.prologue().method().text() + " " + req.path().path());
        });
        Problems.register(routing, edge::corsOnError);
    }
}
