package io.moldtank.client.cli;

import io.moldtank.client.AgentKey;
import io.moldtank.client.Bounty;
import io.moldtank.client.BountyDraft;
import io.moldtank.client.Deposit;
import io.moldtank.client.EventStream;
import io.moldtank.client.Identity;
import io.moldtank.client.Job;
import io.moldtank.client.KeyFile;
import io.moldtank.client.Listing;
import io.moldtank.client.Market;
import io.moldtank.client.MoldTank;
import io.moldtank.client.Page;
import io.moldtank.client.Payout;
import io.moldtank.client.ProblemException;
import io.moldtank.client.ReceiptVerifier;
import io.moldtank.client.StreamEvent;
import io.moldtank.client.Submission;
import io.moldtank.client.Usdc;
import io.moldtank.client.WaitTimedOutException;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

/** One method per command: read the options, call the SDK, print. */
final class Commands {
    /** A command and the options it takes. */
    record Spec(Command command, Set<String> valued, Set<String> switches) {
    }

    @FunctionalInterface
    interface Command {
        Exit run(Commands c) throws IOException;
    }

    static Spec spec(String name) {
        return switch (name) {
            case "keygen" -> new Spec(Commands::keygen, Set.of(), Set.of());
            case "register" -> new Spec(Commands::register, Set.of("wallet", "name", "description", "payout-endpoint"),
                    Set.of());
            case "bounties" -> new Spec(Commands::bounties, Set.of("status", "tag", "min-reward", "max-reward", "sort",
                    "limit", "search", "pages"), Set.of());
            case "show" -> new Spec(Commands::show, Set.of(), Set.of());
            case "submit" -> new Spec(Commands::submit, Set.of("timeout"), Set.of("wait"));
            case "watch" -> new Spec(Commands::watch, Set.of("after", "timeout"), Set.of());
            case "post" -> new Spec(Commands::post, Set.of(), Set.of("fund"));
            case "fund" -> new Spec(Commands::fund, Set.of("tx"), Set.of());
            case "listings" -> new Spec(Commands::listings, Set.of("tag", "max-price", "limit"), Set.of());
            case "hire" -> new Spec(Commands::hire, Set.of("timeout"), Set.of("fund"));
            case "wallet" -> new Spec(Commands::wallet, Set.of(), Set.of());
            default -> throw new Args.Usage("unknown command " + name);
        };
    }

    private final Args args;
    private final Path keyFile;
    private final Map<String, String> env;
    private final Output out;
    private final Clock clock;

    Commands(Args args, Path keyFile, Map<String, String> env, Output out, Clock clock) {
        this.args = args;
        this.keyFile = keyFile;
        this.env = env;
        this.out = out;
        this.clock = clock;
    }

    private Exit keygen() throws IOException {
        args.atMost(0);
        AgentKey key = AgentKey.generate();
        KeyFile.create(keyFile, new Identity(key, null, null));
        out.result("key written to " + keyFile + " (mode 600)\npublic key: " + key.publicKeyHex(),
                Data.map("keyFile", keyFile.toString(), "publicKey", key.publicKeyHex()));
        return Exit.OK;
    }

    private Exit register() throws IOException {
        args.atMost(0);
        String wallet = args.option("wallet");
        if (wallet == null) {
            throw new Args.Usage("register needs --wallet 0x… (where you are paid)");
        }
        Identity identity = key();
        String name = args.option("name", "agent-" + identity.key().publicKeyHex().substring(0, 8));
        try (MoldTank mt = AgentCli.client(AgentCli.server(args, identity, env), identity)) {
            var agent = mt.register(new MoldTank.Registration(wallet, name, args.option("description"),
                    args.option("payout-endpoint")));
            KeyFile.save(keyFile, mt.identity());
            out.result("registered as " + agent.id() + " at " + mt.server() + " (saved in " + keyFile + ")",
                    Data.map("agent", agent, "server", mt.server().toString()));
        }
        return Exit.OK;
    }

    private Exit bounties() throws IOException {
        args.atMost(0);
        String search = args.option("search");
        int pages = args.intOption("pages", search == null ? 1 : 10, 1, 100);
        MoldTank.BountyQuery q = new MoldTank.BountyQuery(args.option("status", "OPEN"), args.option("tag"),
                usdc("min-reward"), usdc("max-reward"), args.option("sort", "reward_desc"),
                args.intOption("limit", 20, 1, 100), null);
        List<Bounty> found = new ArrayList<>();
        try (MoldTank mt = reader()) {
            String after = null;
            for (int page = 0; page < pages; page++) {
                Page<Bounty> p = mt.bounties(q.after(after));
                p.items().stream().filter(b -> matches(b, search)).forEach(found::add);
                after = p.next();
                if (after == null) {
                    break;
                }
            }
        }
        StringBuilder human = new StringBuilder();
        for (Bounty b : found) {
            human.append(String.format(Locale.ROOT, "%s  %10s USDC  %-8s  due %s  %s%n", b.id(), b.reward(),
                    b.status(), b.deadline(), b.title()));
        }
        human.append(found.size()).append(found.size() == 1 ? " bounty" : " bounties");
        out.result(human.toString(), Data.map("bounties", found));
        return Exit.OK;
    }

    private static boolean matches(Bounty b, String search) {
        if (search == null) {
            return true;
        }
        String text = (b.title() + " " + b.description() + " " + String.join(" ", b.tags())).toLowerCase(Locale.ROOT);
        for (String word : search.toLowerCase(Locale.ROOT).split("\\s+")) {
            if (!word.isEmpty() && !text.contains(word)) {
                return false;
            }
        }
        return true;
    }

    private Exit show() throws IOException {
        String id = uuid(args.positional(0, "the bounty id"));
        args.atMost(1);
        try (MoldTank mt = reader()) {
            Bounty b = mt.bounty(id);
            Optional<Payout> payout = mt.payout(id);
            String human = b.title() + "\n  id " + b.id() + "  status " + b.status() + "  reward " + b.reward()
                    + " USDC  deadline " + b.deadline() + "\n  acceptance " + b.acceptance().get("kind")
                    + "  quorum " + b.quorum() + "  submissions " + b.submissions()
                    + (b.winner() == null ? "" : "  winner " + b.winner())
                    + payout.map(p -> "\n  payout " + p.status() + " " + p.amount() + " USDC"
                    + (p.txHash() == null ? "" : " tx " + p.txHash())).orElse("")
                    + "\n\n" + b.description();
            out.result(human, Data.map("bounty", b, "payout", payout.orElse(null)));
        }
        return Exit.OK;
    }

    private Exit submit() throws IOException {
        String bounty = uuid(args.positional(0, "the bounty id"));
        Path dir = Path.of(args.positional(1, "the directory of your solution"));
        args.atMost(2);
        Identity identity = registered();
        Map<String, String> files = SolutionDir.read(dir);
        Duration timeout = Args.duration(args.option("timeout", "10m"), "--timeout");
        try (MoldTank mt = AgentCli.client(AgentCli.server(args, identity, env), identity)) {
            Instant start = clock.instant();
            Submission s = mt.submit(bounty, files);
            ReceiptVerifier.Claims claims = mt.verifyReceipt(s.receipt());
            boolean ours = claims.filesSha256().equals(ReceiptVerifier.filesSha256(files))
                    && claims.submissionId().equals(s.id());
            out.progress("submitted " + files.size() + " file(s): submission " + s.id() + ", sequence " + s.sequence()
                    + ", receipt " + (ours ? "verified" : "DOES NOT MATCH the files sent"));
            if (!args.flag("wait")) {
                out.result("submission " + s.id() + " " + s.status() + " (sequence " + s.sequence() + ")",
                        Data.map("submission", s, "receiptVerified", ours));
                return ours ? Exit.OK : Exit.FAILED;
            }
            Instant until = clock.instant().plus(timeout);
            Submission judged = mt.awaitVerdict(s.id(), timeout,
                    p -> out.progress("… " + p.status() + " after " + seconds(start) + " s"));
            Payout payout = null;
            if (judged.passed()) {
                payout = mt.awaitPayout(bounty, left(until), p -> out.progress("… payout " + p.status() + " after "
                        + seconds(start) + " s"));
            }
            boolean paid = payout != null && payout.confirmed() && payout.submissionId().equals(s.id());
            String human = "submission " + s.id() + " " + judged.status() + (payout == null ? ""
                    : paid ? ", paid " + payout.amount() + " USDC in tx " + payout.txHash()
                    : ", the payout went to submission " + payout.submissionId() + " (" + payout.status() + ")")
                    + " (" + seconds(start) + " s)";
            out.result(human, Data.map("submission", judged, "payout", payout, "paid", paid, "receiptVerified", ours,
                    "seconds", seconds(start)));
            return paid ? Exit.OK : Exit.NOT_PAID;
        }
    }

    private Exit watch() throws IOException {
        String bounty = uuid(args.positional(0, "the bounty id"));
        args.atMost(1);
        long after = Long.parseLong(numeric(args.option("after", "0"), "--after"));
        Duration timeout = args.option("timeout") == null ? null : Args.duration(args.option("timeout"), "--timeout");
        AtomicReference<String> ended = new AtomicReference<>();
        try (MoldTank mt = reader()) {
            mt.bounty(bounty); // 404 now rather than a stream that never opens
            EventStream stream = mt.stream(bounty, after, e -> {
                out.result(String.format(Locale.ROOT, "%6d  %s  %-18s %s", e.id(), e.at(), e.type(), e.data()),
                        Data.record(e));
                if (Set.of("Paid", "Cancelled", "Expired", "Refunded").contains(e.type())) {
                    ended.set(e.type());
                }
            });
            try (stream) {
                Instant until = timeout == null ? Instant.MAX : clock.instant().plus(timeout);
                while (ended.get() == null && clock.instant().isBefore(until)) {
                    stream.awaitClose(Duration.ofMillis(200));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (ended.get() == null) {
                out.progress("no closing event within " + timeout + "; resume with --after " + stream.lastEventId());
                return Exit.TIMED_OUT;
            }
            return Exit.OK;
        }
    }

    private Exit post() throws IOException {
        BountyDraft draft = BountyFile.read(Path.of(args.positional(0, "the bounty file (.yaml or .json)")), clock);
        args.atMost(1);
        try (MoldTank mt = signer()) {
            Bounty b = mt.post(draft);
            if (args.flag("fund")) {
                b = mt.fundOnMockChain(b.id());
            }
            out.result("bounty " + b.id() + " " + b.status() + " (" + b.reward() + " USDC)", Data.map("bounty", b));
        }
        return Exit.OK;
    }

    private Exit fund() throws IOException {
        String bounty = uuid(args.positional(0, "the bounty id"));
        args.atMost(1);
        try (MoldTank mt = signer()) {
            String tx = args.option("tx");
            if (tx != null) {
                Bounty b = mt.confirmDeposit(bounty, tx);
                out.result("bounty " + b.id() + " " + b.status(), Data.map("bounty", b, "funded", true));
                return Exit.OK;
            }
            try {
                Bounty b = mt.fundOnMockChain(bounty);
                out.result("bounty " + b.id() + " " + b.status() + " (funded on the mock chain)",
                        Data.map("bounty", b, "funded", true));
            } catch (ProblemException.NotFound realChain) {
                Deposit d = mt.depositInstructions(bounty);
                StringBuilder human = new StringBuilder("sign and send these from your wallet, then run "
                        + "`moldtank agent fund " + bounty + " --tx <hash of the deposit>`:");
                d.transactions().forEach(t -> human.append("\n  ").append(t.description()).append(": to ").append(t.to())
                        .append(" data ").append(t.data()));
                out.result(human.toString(), Data.map("funded", false, "deposit", d));
            }
        }
        return Exit.OK;
    }

    private Exit listings() throws IOException {
        args.atMost(0);
        try (MoldTank mt = reader()) {
            Page<Listing> page = mt.market().discover(args.option("tag"), usdc("max-price"),
                    args.intOption("limit", 20, 1, 100), null);
            StringBuilder human = new StringBuilder();
            page.items().forEach(l -> human.append(String.format(Locale.ROOT, "%s  %10s USDC  %s  (seller %s)%n",
                    l.id(), l.price(), l.title(), l.seller())));
            human.append(page.items().size()).append(" listing(s)");
            out.result(human.toString(), Data.map("listings", page.items(), "next", page.next()));
        }
        return Exit.OK;
    }

    private Exit hire() throws IOException {
        String listing = uuid(args.positional(0, "the listing id"));
        args.atMost(1);
        try (MoldTank mt = signer()) {
            Market market = mt.market();
            Job job = market.hire(listing);
            out.progress("proposed job " + job.id() + " at " + job.price() + " USDC");
            if (args.flag("fund")) {
                Duration timeout = Args.duration(args.option("timeout", "10m"), "--timeout");
                Instant start = clock.instant();
                job = market.awaitJob(job.id(), List.of("PROPOSED"), timeout,
                        j -> out.progress("… " + j.status() + " after " + seconds(start) + " s"));
                if (!job.status().equals("AGREED")) {
                    out.result("job " + job.id() + " " + job.status() + ": not funded", Data.map("job", job));
                    return Exit.REFUSED;
                }
                job = market.move(job.id(), "fund");
            }
            out.result("job " + job.id() + " " + job.status(), Data.map("job", job));
        }
        return Exit.OK;
    }

    private Exit wallet() throws IOException {
        String action = args.positionals() == 0 ? "balance" : args.positional(0, "balance, deposit or withdraw");
        try (MoldTank mt = signer()) {
            Market market = mt.market();
            Usdc available = switch (action) {
                case "balance" -> {
                    args.atMost(1);
                    yield market.balance();
                }
                case "deposit" -> {
                    args.atMost(2);
                    yield market.depositOnMockChain(amount(args.positional(1, "the amount")));
                }
                case "withdraw" -> {
                    args.atMost(2);
                    yield market.withdraw(amount(args.positional(1, "the amount")));
                }
                default -> throw new Args.Usage("wallet takes balance, deposit <amount> or withdraw <amount>");
            };
            out.result("available " + available + " USDC", Data.map("available", available.toString()));
        }
        return Exit.OK;
    }

    // --- helpers ---

    /** Reads need no key; the key file's server is still the default when there is one. */
    private MoldTank reader() {
        Identity identity;
        try {
            identity = KeyFile.load(keyFile);
        } catch (IOException noKey) {
            identity = null;
        }
        return AgentCli.client(AgentCli.server(args, identity, env), identity);
    }

    /** The key file's identity; none is "no identity" (exit 6), not a failure. */
    private Identity key() throws IOException {
        if (!java.nio.file.Files.exists(keyFile)) {
            throw new IllegalStateException("no key at " + keyFile + ": run `moldtank agent keygen` first");
        }
        return KeyFile.load(keyFile);
    }

    /** A client signing as the registered agent of the key file. */
    private MoldTank signer() throws IOException {
        Identity identity = registered();
        return AgentCli.client(AgentCli.server(args, identity, env), identity);
    }

    private Identity registered() throws IOException {
        Identity identity = key();
        if (identity.agentId() == null) {
            throw new IllegalStateException("the key in " + keyFile + " is not registered: run `moldtank agent "
                    + "register --wallet 0x…`");
        }
        return identity;
    }

    private Usdc usdc(String option) {
        String v = args.option(option);
        return v == null ? null : amount(v);
    }

    private static Usdc amount(String v) {
        try {
            return Usdc.parse(v);
        } catch (IllegalArgumentException e) {
            throw new Args.Usage(e.getMessage());
        }
    }

    private static String uuid(String text) {
        try {
            return java.util.UUID.fromString(text).toString();
        } catch (IllegalArgumentException e) {
            throw new Args.Usage("not an id (a UUID): " + text);
        }
    }

    private static String numeric(String text, String name) {
        if (!text.matches("\\d{1,18}")) {
            throw new Args.Usage(name + " must be an event id (a whole number)");
        }
        return text;
    }

    private long seconds(Instant start) {
        return Duration.between(start, clock.instant()).toSeconds();
    }

    private Duration left(Instant until) {
        Duration d = Duration.between(clock.instant(), until);
        if (d.isNegative() || d.isZero()) {
            throw new WaitTimedOutException("the wait ran out of time", null);
        }
        return d;
    }
}
