package io.moldtank.adapters.mcp;

import io.modelcontextprotocol.server.McpStatelessServerFeatures.SyncToolSpecification;
import io.moldtank.domain.agent.AgentId;
import io.moldtank.domain.job.JobId;
import io.moldtank.domain.job.JobResult;
import io.moldtank.domain.job.JobStatus;
import io.moldtank.domain.job.Verdict;
import io.moldtank.domain.listing.ListingId;
import io.moldtank.domain.money.Usdc;
import io.moldtank.ports.in.Outcome;
import io.moldtank.ports.in.job.DeliverJobCommand;
import io.moldtank.ports.in.job.JobMove;
import io.moldtank.ports.in.job.JobView;
import io.moldtank.ports.in.job.ProposeJobCommand;
import io.moldtank.ports.in.wallet.CreditDepositCommand;
import io.moldtank.ports.in.wallet.SimulateTransferUseCase;
import io.moldtank.ports.in.waiting.AwaitChangeQuery;
import io.moldtank.ports.in.waiting.AwaitChangeUseCase;
import io.moldtank.ports.in.waiting.Awaited;
import io.moldtank.ports.in.waiting.WakeUp;
import io.moldtank.ports.in.job.VerifyJobCommand;
import io.moldtank.ports.out.storage.ListingQuery;
import io.moldtank.ports.service.Registry;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** The registry tools (seed 003): discover listings, hire, move a job along, read a job, the wallet. */
final class MarketTools {
    private static final List<String> MOVES = List.of("accept", "fund", "start", "deliver", "verify", "cancel");
    private static final Set<String> FINAL = Arrays.stream(JobStatus.values()).filter(JobStatus::isFinal)
            .map(Enum::name).collect(Collectors.toUnmodifiableSet());

    private final Registry registry;
    private final AwaitChangeUseCase waiting;

    MarketTools(Registry registry, AwaitChangeUseCase waiting) {
        this.registry = registry;
        this.waiting = waiting;
    }

    List<SyncToolSpecification> specs(ToolCalls calls) {
        Schema discover = Schema.requiring().text("tag", "only listings with this tag", 50)
                .text("maxPrice", "highest price in USDC, a decimal string", 40)
                .integer("limit", "page size (default 20)", 1, 100)
                .text("after", "the `next` cursor of the previous page", 200);
        Schema hire = Schema.requiring("listingId").text("listingId", "the listing's id (UUID)", 36);
        Schema move = Schema.requiring("jobId", "move").text("jobId", "the job's id (UUID)", 36)
                .choice("move", "seller: accept, start, deliver; client: fund, verify; either: cancel (before "
                        + "funding)", MOVES)
                .text("result", "deliver: the result", Args.MAX_TEXT)
                .choice("verdict", "verify: PASSED releases the escrow to the seller, FAILED refunds you",
                        List.of("PASSED", "FAILED"));
        Schema readJob = Schema.requiring("jobId").text("jobId", "the job's id (UUID)", 36)
                .integer("waitSeconds", "hold the answer up to this long for the status to change (default 0)",
                        0, BountyTools.MAX_WAIT_SECONDS);
        Schema wallet = Schema.requiring();
        Schema deposit = Schema.requiring("amount").text("amount", "test USDC, a decimal string (at most 10000)", 40);
        return List.of(
                calls.tool(Schema.tool("discover_listings", "Discover listings", "Services other agents sell, "
                        + "newest first; hire one with hire_agent.", discover, true), Guard.Bucket.DISCOVERY,
                        discover.names(), this::discover),
                calls.tool(Schema.tool("hire_agent", "Hire an agent", "Propose a job on a listing (signed); the "
                        + "seller accepts, then you fund it with move_job.", hire, false), Guard.Bucket.WRITE,
                        hire.names(), this::hire),
                calls.tool(Schema.tool("move_job", "Move a job", "Run a job through its moves (signed): accept → "
                        + "fund → start → deliver → verify, or cancel before funding.", move, false),
                        Guard.Bucket.WRITE, move.names(), this::move),
                calls.tool(Schema.tool("read_job", "Read a job", "A job you are party to (signed); waitSeconds "
                        + "holds the answer until its status changes.", readJob, true), Guard.Bucket.READ,
                        readJob.names(), this::readJob),
                calls.tool(Schema.tool("read_wallet", "Read the wallet", "Your available internal balance (signed).",
                        wallet, true), Guard.Bucket.READ, wallet.names(), this::wallet),
                calls.tool(Schema.tool("deposit_test_usdc", "Deposit test USDC", "Simulated chain only: credit "
                        + "test USDC to your balance (signed), to fund jobs.", deposit, false), Guard.Bucket.WRITE,
                        deposit.names(), this::deposit));
    }

    private Map<String, Object> discover(Caller caller, Args a) {
        var page = registry.listings().discover(new ListingQuery(a.text("tag", 50), a.usdc("maxPrice", false),
                a.text("after", 200), a.integer("limit", 1, 100, 20)));
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("listings", page.items().stream().map(Rendered::listing).toList());
        m.put("next", page.next());
        return m;
    }

    private Map<String, Object> hire(Caller caller, Args a) {
        AgentId client = caller.requireAgent("hire_agent");
        return Rendered.job(Results.valueOf(registry.jobs().propose(new ProposeJobCommand(client,
                new ListingId(a.id("listingId"))))));
    }

    private Map<String, Object> move(Caller caller, Args a) {
        AgentId by = caller.requireAgent("move_job");
        JobId id = new JobId(a.id("jobId"));
        JobMove m = new JobMove(by, id);
        String move = a.requiredText("move", 10);
        String result = a.text("result", Args.MAX_TEXT);
        String verdict = a.text("verdict", 10);
        Outcome<JobView> done = switch (move) {
            case "accept" -> registry.jobs().accept(m);
            case "fund" -> registry.jobs().fund(m);
            case "start" -> registry.jobs().start(m);
            case "cancel" -> registry.jobs().cancel(m);
            case "deliver" -> registry.jobs().deliver(new DeliverJobCommand(by, id, new JobResult(required(a,
                    "result", result))));
            case "verify" -> registry.jobs().verify(new VerifyJobCommand(by, id, Verdict.valueOf(required(a,
                    "verdict", verdict))));
            default -> throw a.invalid("move", "one of " + MOVES);
        };
        return Rendered.job(Results.valueOf(done));
    }

    private static String required(Args a, String name, String value) {
        if (value == null || value.isBlank()) {
            throw a.invalid(name, "required for this move");
        }
        return value;
    }

    private Map<String, Object> readJob(Caller caller, Args a) {
        JobMove view = new JobMove(caller.requireAgent("read_job"), new JobId(a.id("jobId")));
        Duration wait = Duration.ofSeconds(a.integer("waitSeconds", 0, BountyTools.MAX_WAIT_SECONDS, 0));
        JobView first = Results.valueOf(registry.jobs().job(view));
        Awaited<JobView> held = waiting.await(new AwaitChangeQuery<>(WakeUp.byRereading(), wait,
                () -> Results.valueOf(registry.jobs().job(view)), j -> j.status().name(), Set.of(first.status().name()),
                FINAL));
        return Rendered.job(held.value() == null ? first : held.value());
    }

    private Map<String, Object> wallet(Caller caller, Args a) {
        AgentId agent = caller.requireAgent("read_wallet");
        return Map.of("agent", agent.toString(), "available",
                Results.valueOf(registry.wallets().balance(agent)).toDecimalString(),
                "simulatedChain", registry.wallets().simulatesTransfers());
    }

    private Map<String, Object> deposit(Caller caller, Args a) {
        AgentId agent = caller.requireAgent("deposit_test_usdc");
        Usdc amount = a.usdc("amount", true);
        if (amount.compareTo(SimulateTransferUseCase.MAX_SIMULATED) > 0) {
            throw a.invalid("amount", "at most " + SimulateTransferUseCase.MAX_SIMULATED.toDecimalString());
        }
        String tx = Results.valueOf(registry.wallets().simulateTransfer(agent, amount));
        Usdc balance = Results.valueOf(registry.wallets().credit(new CreditDepositCommand(agent, tx)));
        return Map.of("txHash", tx, "available", balance.toDecimalString());
    }
}
