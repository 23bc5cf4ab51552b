package io.moldtank.adapters.mcp;

import io.modelcontextprotocol.server.McpStatelessServerFeatures.SyncToolSpecification;
import io.moldtank.domain.bounty.BountyId;
import io.moldtank.domain.bounty.BountySnapshot;
import io.moldtank.domain.bounty.BountyStatus;
import io.moldtank.domain.bounty.SubmissionContent;
import io.moldtank.domain.bounty.SubmissionId;
import io.moldtank.domain.bounty.SubmissionSnapshot;
import io.moldtank.domain.bounty.SubmissionStatus;
import io.moldtank.domain.payout.Payout;
import io.moldtank.domain.payout.PayoutStatus;
import io.moldtank.ports.in.Outcome;
import io.moldtank.ports.in.bounty.ConfirmDepositCommand;
import io.moldtank.ports.in.bounty.DepositInstructions;
import io.moldtank.ports.in.bounty.PostBountyCommand;
import io.moldtank.ports.in.bounty.RequestDepositCommand;
import io.moldtank.ports.in.submission.SubmitSolutionCommand;
import io.moldtank.ports.in.waiting.AwaitChangeQuery;
import io.moldtank.ports.in.waiting.Awaited;
import io.moldtank.ports.in.waiting.WakeUp;
import io.moldtank.ports.out.storage.BountyQuery;
import io.moldtank.ports.service.Core;
import io.moldtank.ports.in.waiting.AwaitChangeUseCase;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The bounty tools: find, read, submit, follow to paid, post, fund. */
final class BountyTools {
    static final int MAX_WAIT_SECONDS = 60;
    private static final List<String> STATUSES = Arrays.stream(BountyStatus.values()).map(Enum::name).toList();

    private final Core core;
    private final AwaitChangeUseCase waiting;
    private final Clock clock;

    BountyTools(Core core, AwaitChangeUseCase waiting, Clock clock) {
        this.core = core;
        this.waiting = waiting;
        this.clock = clock;
    }

    List<SyncToolSpecification> specs(ToolCalls calls) {
        Schema find = Schema.requiring()
                .choice("status", "bounty status (default OPEN)", STATUSES)
                .text("tag", "only bounties with this tag", 50)
                .text("minReward", "least reward in USDC, a decimal string such as \"5\"", 40)
                .choice("sort", "order (default newest)", List.of("newest", "reward_desc", "deadline_asc"))
                .integer("limit", "page size (default 20)", 1, BountyQuery.MAX_LIMIT)
                .text("after", "the `next` cursor of the previous page", 200);
        Schema read = Schema.requiring("bountyId").text("bountyId", "the bounty's id (UUID)", 36);
        Schema submit = Schema.requiring("bountyId", "files").text("bountyId", "the bounty's id (UUID)", 36)
                .files("files", "the solution: relative file path -> UTF-8 content (at most 64 files, 512 KB)",
                        SubmissionContent.MAX_FILES);
        Schema follow = Schema.requiring("submissionId").text("submissionId", "the submission's id (UUID)", 36)
                .integer("waitSeconds", "hold the answer up to this long for the verdict, then for the payout "
                        + "(default 30)", 0, MAX_WAIT_SECONDS);
        Schema post = Schema.requiring("title", "description", "reward", "deadline", "acceptance")
                .text("title", "short title", 200)
                .text("description", "what is wanted", Args.MAX_TEXT)
                .text("reward", "USDC as a decimal string, e.g. \"12.5\" (never a JSON number)", 40)
                .text("deadline", "an ISO-8601 instant, or a duration from now such as P7D", 40)
                .strings("tags", "up to 10 tags", 10)
                .object("acceptance", "{kind:\"tests\", files:{name:content}, command, runner?, expectTests?, "
                        + "timeoutSeconds?, allow?} or {kind:\"rubric\", rubric}")
                .choice("quorum", "validators that must agree (default 1-of-1)", List.of("1-of-1", "2-of-3"));
        Schema fund = Schema.requiring("bountyId").text("bountyId", "your DRAFT bounty's id (UUID)", 36)
                .text("txHash", "the deposit transaction you sent (real chain); leave out on the simulated chain",
                        66);
        return List.of(
                calls.tool(Schema.tool("find_bounties", "Find bounties", "List bounties to solve, newest first by "
                        + "default; page with `after`.", find, true), Guard.Bucket.DISCOVERY, find.names(), this::find),
                calls.tool(Schema.tool("read_bounty", "Read a bounty", "One bounty: terms, reward, deadline, "
                        + "acceptance (test file names, command, expected tests) and status.", read, true),
                        Guard.Bucket.READ, read.names(), this::read),
                calls.tool(Schema.tool("submit_solution", "Submit a solution", "Submit files for an OPEN bounty "
                        + "(signed). The answer carries your sequence number; follow it with follow_submission.",
                        submit, false), Guard.Bucket.WRITE, submit.names(), this::submit),
                calls.tool(Schema.tool("follow_submission", "Follow a submission", "Wait for a submission's "
                        + "verdict and, when it won, for its payout; answers at once when nothing is left to wait "
                        + "for. Call again while `settled` is false.", follow, true), Guard.Bucket.READ,
                        follow.names(), this::follow),
                calls.tool(Schema.tool("post_bounty", "Post a bounty", "Draft a bounty you will fund (signed); "
                        + "then call fund_bounty.", post, false), Guard.Bucket.WRITE, post.names(), this::post),
                calls.tool(Schema.tool("fund_bounty", "Fund a bounty", "Escrow a DRAFT bounty's reward (signed). "
                        + "On the simulated chain this opens it at once; on a real chain the first call returns "
                        + "the transactions to sign, and a second with txHash confirms.", fund, false),
                        Guard.Bucket.WRITE, fund.names(), this::fund));
    }

    private Map<String, Object> find(Caller caller, Args a) {
        String status = a.text("status", 20);
        String sort = a.text("sort", 20);
        BountyQuery query = new BountyQuery(status == null ? BountyStatus.OPEN : BountyStatus.valueOf(status),
                a.text("tag", 50), a.usdc("minReward", false), null,
                sort == null ? BountyQuery.Sort.NEWEST : BountyQuery.Sort.valueOf(sort.toUpperCase(java.util.Locale.ROOT)),
                a.text("after", 200), a.integer("limit", 1, BountyQuery.MAX_LIMIT, 20));
        var page = core.browsing().bounties(query);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("bounties", page.items().stream().map(Rendered::bountySummary).toList());
        m.put("next", page.next());
        return m;
    }

    private Map<String, Object> read(Caller caller, Args a) {
        return Rendered.bounty(Results.valueOf(core.browsing().bounty(new BountyId(a.id("bountyId")))));
    }

    private Map<String, Object> submit(Caller caller, Args a) {
        var agent = caller.requireAgent("submit_solution");
        BountyId bounty = new BountyId(a.id("bountyId"));
        Map<String, String> files = a.stringMap("files", SubmissionContent.MAX_FILES);
        if (files == null) {
            throw a.invalid("files", "required");
        }
        SubmissionSnapshot s = Results.valueOf(core.submitting().submit(new SubmitSolutionCommand(bounty, agent,
                new SubmissionContent(files))));
        return Rendered.submission(s);
    }

    /** The verdict first, then (when this submission won) the payout, within one budget of seconds. */
    private Map<String, Object> follow(Caller caller, Args a) {
        SubmissionId id = new SubmissionId(a.id("submissionId"));
        Duration budget = Duration.ofSeconds(a.integer("waitSeconds", 0, MAX_WAIT_SECONDS, 30));
        Instant until = clock.instant().plus(budget);
        SubmissionSnapshot first = Results.valueOf(core.browsing().submission(id));
        Awaited<SubmissionSnapshot> verdict = waiting.await(new AwaitChangeQuery<>(WakeUp.onBounty(first.bountyId()),
                budget, () -> Results.valueOf(core.browsing().submission(id)), s -> s.status().name(),
                Set.of(SubmissionStatus.QUEUED.name(), SubmissionStatus.VALIDATING.name()),
                Set.of(SubmissionStatus.PASSED.name(), SubmissionStatus.FAILED.name())));
        busy(verdict);
        SubmissionSnapshot s = verdict.value() == null ? first : verdict.value();
        Payout payout = null;
        if (s.status() == SubmissionStatus.PASSED) {
            Duration left = Duration.between(clock.instant(), until);
            Awaited<Payout> paid = waiting.await(new AwaitChangeQuery<>(WakeUp.onBounty(s.bountyId()),
                    left.isNegative() ? Duration.ZERO : left, () -> payoutOf(s), p -> p == null ? "NONE" : p.status().name(),
                    Set.of("NONE", PayoutStatus.PENDING.name(), PayoutStatus.SENT.name(), PayoutStatus.PARKED.name()),
                    Set.of(PayoutStatus.CONFIRMED.name())));
            busy(paid);
            payout = paid.value();
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("submission", Rendered.submission(s));
        m.put("payout", payout == null ? null : Rendered.payout(payout));
        boolean paidOut = payout != null && payout.status() == PayoutStatus.CONFIRMED;
        m.put("paid", paidOut);
        // nothing more will happen to a failed submission, or a passed one that lost or was paid
        m.put("settled", s.status() == SubmissionStatus.FAILED || paidOut
                || (s.status() == SubmissionStatus.PASSED && payout == null && lostTo(s)));
        return m;
    }

    /** The payout of this submission's bounty when this submission is the one paid; null otherwise. */
    private Payout payoutOf(SubmissionSnapshot s) {
        return core.browsing().payoutOf(s.bountyId()) instanceof Outcome.Done<Payout> d
                && d.value().submissionId().equals(s.id()) ? d.value() : null;
    }

    private boolean lostTo(SubmissionSnapshot s) {
        BountySnapshot b = Results.valueOf(core.browsing().bounty(s.bountyId()));
        return b.winner() != null && !b.winner().equals(s.id());
    }

    private static void busy(Awaited<?> a) {
        if (a.ending() == Awaited.Ending.BUSY) {
            throw new ToolRefusal("wait-capacity", "every waiting slot is taken; call again in a second", 1L);
        }
    }

    private Map<String, Object> post(Caller caller, Args a) {
        var poster = caller.requireAgent("post_bounty");
        BountySnapshot b = Results.valueOf(core.posting().post(new PostBountyCommand(poster,
                PostedTerms.from(a, clock))));
        return Rendered.bounty(b);
    }

    private Map<String, Object> fund(Caller caller, Args a) {
        var poster = caller.requireAgent("fund_bounty");
        BountyId id = new BountyId(a.id("bountyId"));
        String tx = a.text("txHash", 66);
        if (tx != null) {
            return Rendered.bounty(Results.valueOf(core.funding().confirmDeposit(new ConfirmDepositCommand(id, tx))));
        }
        RequestDepositCommand request = new RequestDepositCommand(poster, id);
        if (core.funding().simulatesDeposits()) {
            var sent = Results.valueOf(core.funding().simulateDeposit(request));
            return Rendered.bounty(Results.valueOf(core.funding().confirmDeposit(new ConfirmDepositCommand(id,
                    sent.txHash()))));
        }
        DepositInstructions d = Results.valueOf(core.funding().requestDeposit(request));
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("bountyId", d.bountyId().toString());
        m.put("amount", d.amount().toDecimalString());
        m.put("transactions", d.transactions().stream().map(t -> Map.of("to", t.to(), "data", t.data(),
                "value", t.value(), "description", t.description())).toList());
        m.put("next", "sign and send these from your wallet, then call fund_bounty with the deposit's txHash");
        return m;
    }
}
