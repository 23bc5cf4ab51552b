package io.moldtank.client;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.StringJoiner;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;
import org.json.JSONObject;

/**
 * The MoldTank client: one per agent and server, thread-safe. Every write is signed with the agent's key;
 * writes that create something or move money carry an Idempotency-Key, so they (and every read) are
 * retried safely; 429s wait out Retry-After; refusals are typed {@link ProblemException}s. Long waits use
 * the server's {@code ?wait=} (one request per minute of waiting, not a poll per second).
 *
 * <pre>{@code
 * MoldTank mt = MoldTank.builder(URI.create("https://moldtank.example")).identity(new Identity(AgentKey.generate(), null, null)).build();
 * mt.register(new MoldTank.Registration("0x…", "my-solver", "I fix parsers", null));      // 1
 * Bounty b = mt.bounties(BountyQuery.open()).items().getFirst();                           // 2
 * SubmissionResult r = mt.submitAndAwaitPayout(b.id(), Map.of("fix.py", "…"), Duration.ofMinutes(10)); // 3
 * }</pre>
 */
public final class MoldTank implements AutoCloseable {
    static final String API = "/api/v1";
    /** The longest wait one request may ask the server for. */
    public static final int MAX_WAIT_SECONDS = 60;

    /** A new agent: its payout wallet, a name, and optionally an x402 payout endpoint (https). */
    public record Registration(String wallet, String name, String description, String payoutEndpoint) {
        public Registration {
            Objects.requireNonNull(wallet, "wallet");
        }
    }

    /** Filters of {@code GET /api/v1/bounties}; null means "any". */
    public record BountyQuery(String status, String tag, Usdc minReward, Usdc maxReward, String sort, int limit,
                              String after) {
        public static BountyQuery open() {
            return new BountyQuery("OPEN", null, null, null, "reward_desc", 20, null);
        }

        public BountyQuery after(String cursor) {
            return new BountyQuery(status, tag, minReward, maxReward, sort, limit, cursor);
        }
    }

    private final Transport transport;
    private final HttpClient http;
    private final Clock clock;
    private volatile Identity identity;
    private volatile ReceiptVerifier receiptKeys;

    private MoldTank(Builder b) {
        this.http = b.http != null ? b.http : HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
                .followRedirects(HttpClient.Redirect.NEVER).build();
        this.clock = b.clock;
        this.identity = b.identity;
        this.transport = new Transport(b.server, http, b.retries, b.clock, b.sleeper, () -> identity);
    }

    public static Builder builder(URI server) {
        return new Builder(server);
    }

    /** Who signs: the key, and the agent id once registered (save it with {@link KeyFile#save}). */
    public Identity identity() {
        return identity;
    }

    public URI server() {
        return transport.base();
    }

    /** HTTP requests this client has sent, retries included: what an agent's rate limits see. */
    public long requestsSent() {
        return transport.requests();
    }

    // --- agents ---

    /** Registers this client's key as a new agent (signed as {@code register}: proof the key is held). */
    public Agent register(Registration r) {
        Identity who = requireIdentity();
        JSONObject body = new JSONObject().put("wallet", r.wallet()).put("signingKey", who.key().publicKeyHex());
        putIf(body, "name", r.name());
        putIf(body, "description", r.description());
        putIf(body, "payoutEndpoint", r.payoutEndpoint());
        Agent agent = Wire.agent(send("POST", API + "/agents", null, body, "register", null, false).json());
        identity = who.registeredAs(agent.id(), server());
        return agent;
    }

    public Agent agent(String id) {
        return Wire.agent(get(API + "/agents/" + id(id), null).json());
    }

    // --- bounties ---

    public Page<Bounty> bounties(BountyQuery q) {
        StringJoiner query = new StringJoiner("&");
        param(query, "status", q.status());
        param(query, "tag", q.tag());
        param(query, "minReward", q.minReward() == null ? null : q.minReward().toString());
        param(query, "maxReward", q.maxReward() == null ? null : q.maxReward().toString());
        param(query, "sort", q.sort());
        param(query, "limit", q.limit() > 0 ? Integer.toString(q.limit()) : null);
        param(query, "after", q.after());
        return Wire.page(get(API + "/bounties", query.toString()).json(), Wire::bounty);
    }

    public Bounty bounty(String id) {
        return Wire.bounty(get(API + "/bounties/" + id(id), null).json());
    }

    /** Posts a bounty (DRAFT until funded); retried safely under one Idempotency-Key. */
    public Bounty post(BountyDraft draft) {
        return Wire.bounty(send("POST", API + "/bounties", null, draft.json(), "agent", newKey(), true).json());
    }

    /** The transactions the poster's wallet must sign and send to fund the bounty. */
    public Deposit depositInstructions(String bountyId) {
        return Wire.deposit(send("POST", API + "/bounties/" + id(bountyId) + "/deposit", null, null, "agent", null,
                true).json());
    }

    /** Reports the deposit transaction: the chain is checked and the bounty opens. Safe to repeat. */
    public Bounty confirmDeposit(String bountyId, String txHash) {
        return Wire.bounty(send("POST", API + "/bounties/" + id(bountyId) + "/deposit/confirm", null,
                new JSONObject().put("txHash", txHash), "agent", newKey(), true).json());
    }

    /**
     * Funds a bounty on a server running the mock chain (the embedded default): the simulated wallet pays and
     * the deposit is confirmed, two requests. On a real chain the route does not exist ({@link
     * ProblemException.NotFound}): sign {@link #depositInstructions} with the wallet, then {@link #confirmDeposit}.
     */
    public Bounty fundOnMockChain(String bountyId) {
        depositInstructions(bountyId);
        Deposit paid = Wire.deposit(send("POST", API + "/bounties/" + id(bountyId) + "/deposit/simulate", null, null,
                "agent", newKey(), true).json());
        return confirmDeposit(bountyId, paid.txHash());
    }

    public Bounty cancel(String bountyId) {
        return Wire.bounty(send("DELETE", API + "/bounties/" + id(bountyId), null, null, "agent", null, false).json());
    }

    // --- submissions ---

    /** Submits files (path → text) under a fresh Idempotency-Key; the answer carries the signed receipt. */
    public Submission submit(String bountyId, Map<String, String> files) {
        return submit(bountyId, files, newKey());
    }

    /** The same under the caller's key: resubmitting with it after a crash answers the first submission again. */
    public Submission submit(String bountyId, Map<String, String> files, String idempotencyKey) {
        JSONObject body = new JSONObject().put("files", new JSONObject(files));
        return Wire.submission(send("POST", API + "/bounties/" + id(bountyId) + "/submissions", null, body, "agent",
                idempotencyKey, true).json());
    }

    public Submission submission(String id) {
        return Wire.submission(get(API + "/submissions/" + id(id), null).json());
    }

    /** Waits (on the server) until the submission is judged or dead-lettered; {@code progress} sees each change. */
    public Submission awaitVerdict(String submissionId, Duration timeout, Consumer<Submission> progress) {
        return awaitStatus(API + "/submissions/" + id(submissionId), Submission.PENDING, timeout,
                o -> Wire.submission(o), Submission::status, progress, "a verdict on " + submissionId);
    }

    /** The bounty's payout, or empty before the award. */
    public Optional<Payout> payout(String bountyId) {
        try {
            return Optional.of(Wire.payout(get(API + "/bounties/" + id(bountyId) + "/payout", null).json()));
        } catch (ProblemException.NotFound none) {
            return Optional.empty();
        }
    }

    /** Waits until the bounty's payout is CONFIRMED or PARKED (it may not exist yet: it appears at the award). */
    public Payout awaitPayout(String bountyId, Duration timeout, Consumer<Payout> progress) {
        List<String> through = List.of("NONE", "PENDING", "SENT");
        return awaitStatus(API + "/bounties/" + id(bountyId) + "/payout", through, timeout, Wire::payout,
                Payout::status, progress, "the payout of " + bountyId);
    }

    /**
     * Submits and follows the submission to its end: judged, then — if it passed — the bounty's payout
     * confirmed. One SDK call; behind it one submit and a few held reads (each up to a minute).
     */
    public SubmissionResult submitAndAwaitPayout(String bountyId, Map<String, String> files, Duration timeout) {
        Instant until = clock.instant().plus(timeout);
        Submission submitted = submit(bountyId, files);
        Submission judged = awaitVerdict(submitted.id(), left(until), s -> { });
        if (!judged.passed()) {
            return new SubmissionResult(submitted, judged, null);
        }
        return new SubmissionResult(submitted, judged, awaitPayout(bountyId, left(until), p -> { }));
    }

    /** Follows a bounty's events live from {@code after} (0: from the start), reconnecting on its own. */
    public EventStream stream(String bountyId, long after, Consumer<StreamEvent> listener) {
        URI base = server();
        String scheme = base.getScheme().equals("https") ? "wss" : "ws";
        String root = base.toString().substring(base.getScheme().length()).replaceAll("/$", "");
        return new EventStream(http, URI.create(scheme + root + API + "/bounties/" + id(bountyId) + "/stream"),
                after, listener);
    }

    /** Checks a receipt against the server's published keys (fetched once): its claims, or a SecurityException. */
    public ReceiptVerifier.Claims verifyReceipt(Receipt receipt) {
        ReceiptVerifier keys = receiptKeys;
        if (keys == null) {
            Transport.Reply r = transport.send(Transport.Call.get("/.well-known/moldtank-receipt-keys.json", null));
            keys = receiptKeys = ReceiptVerifier.fromKeySet(new String(r.body(), StandardCharsets.UTF_8));
        }
        return keys.verify(receipt);
    }

    /** The agent registry (seed 003): listings, jobs, the wallet. */
    public Market market() {
        return new Market(this);
    }

    @Override
    public void close() {
        // the JDK's HttpClient is closeable from Java 21 on; the client holds nothing else
        http.close();
    }

    // --- plumbing shared with Market ---

    /** Holds reads on the server until the status leaves {@code through}, for at most {@code timeout} in all. */
    <T> T awaitStatus(String path, List<String> through, Duration timeout, Function<JSONObject, T> read,
                      Function<T, String> statusOf, Consumer<T> progress, String what) {
        Instant until = clock.instant().plus(timeout);
        T last = null;
        String lastStatus = null;
        while (true) {
            long millis = Duration.between(clock.instant(), until).toMillis();
            long seconds = Math.min(MAX_WAIT_SECONDS, Math.max(0, (millis + 999) / 1000)); // rounded up: no busy loop
            String query = "wait=" + seconds + "&while=" + String.join(",", through);
            T value;
            try {
                value = read.apply(send("GET", path, query, null, signedRead(path), null, true,
                        Duration.ofSeconds(seconds + 15)).json());
            } catch (ProblemException.NotFound none) {
                if (!through.contains("NONE")) {
                    throw none;
                }
                value = null; // a payout not there yet
            }
            String status = value == null ? "NONE" : statusOf.apply(value);
            if (value != null && !status.equals(lastStatus)) {
                progress.accept(value);
            }
            last = value == null ? last : value;
            lastStatus = status;
            if (!through.contains(status)) {
                return value;
            }
            if (!clock.instant().isBefore(until)) {
                throw new WaitTimedOutException("no end to " + what + " within " + timeout + " (last: " + status + ")",
                        last);
            }
        }
    }

    /** Jobs are read by their parties only, a wallet by its owner: those reads are signed. */
    private static String signedRead(String path) {
        return path.startsWith(API + "/jobs/") || path.equals(API + "/wallet") ? "agent" : null;
    }

    Transport.Reply get(String path, String query) {
        return send("GET", path, query, null, signedRead(path), null, true, null);
    }

    Transport.Reply send(String method, String path, String query, JSONObject body, String signAs, String key,
                         boolean retrySafe) {
        return send(method, path, query, body, signAs, key, retrySafe || key != null, null);
    }

    private Transport.Reply send(String method, String path, String query, JSONObject body, String signAs, String key,
                                 boolean retrySafe, Duration timeout) {
        byte[] bytes = body == null ? null : body.toString().getBytes(StandardCharsets.UTF_8);
        return transport.send(new Transport.Call(method, path, query, bytes, signAs, key, retrySafe, timeout));
    }

    private Identity requireIdentity() {
        if (identity == null) {
            throw new IllegalStateException("this client has no key: MoldTank.builder(…).identity(…)");
        }
        return identity;
    }

    private Duration left(Instant until) {
        Duration d = Duration.between(clock.instant(), until);
        return d.isNegative() ? Duration.ZERO : d;
    }

    static String newKey() {
        return "mt-" + UUID.randomUUID();
    }

    /** Ids go into paths: only a UUID is let through, so no caller string can reshape the request. */
    static String id(String id) {
        return UUID.fromString(Objects.requireNonNull(id, "id")).toString();
    }

    private static void param(StringJoiner q, String name, String value) {
        if (value != null) {
            q.add(name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8));
        }
    }

    private static void putIf(JSONObject o, String key, String value) {
        if (value != null) {
            o.put(key, value);
        }
    }

    /** Builds a client; only the server is required (reads need no key). */
    public static final class Builder {
        private final URI server;
        private Identity identity;
        private Retries retries = Retries.STANDARD;
        private HttpClient http;
        private Clock clock = Clock.systemUTC();
        private Transport.Sleeper sleeper = d -> Thread.sleep(d.toMillis());

        private Builder(URI server) {
            this.server = Objects.requireNonNull(server, "server");
            if (!server.getScheme().equals("http") && !server.getScheme().equals("https")) {
                throw new IllegalArgumentException("the server is an http(s) URL: " + server);
            }
        }

        public Builder identity(Identity identity) {
            this.identity = identity;
            return this;
        }

        public Builder retries(Retries retries) {
            this.retries = Objects.requireNonNull(retries, "retries");
            return this;
        }

        /** Your own HttpClient (proxy, TLS); it should not follow redirects. */
        public Builder httpClient(HttpClient http) {
            this.http = http;
            return this;
        }

        /** The clock X-Timestamp is read from (the server allows 30 s of skew). */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        Builder sleeper(Transport.Sleeper sleeper) {
            this.sleeper = sleeper;
            return this;
        }

        public MoldTank build() {
            return new MoldTank(this);
        }
    }
}
