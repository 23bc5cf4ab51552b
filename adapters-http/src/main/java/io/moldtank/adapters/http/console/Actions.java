package io.moldtank.adapters.http.console;

import io.helidon.webserver.http.ServerRequest;
import io.moldtank.domain.agent.Agent;
import io.moldtank.domain.agent.AgentId;
import io.moldtank.domain.bounty.SubmissionId;
import io.moldtank.domain.bounty.SubmissionSnapshot;
import io.moldtank.domain.money.Usdc;
import io.moldtank.domain.payout.Payout;
import io.moldtank.domain.payout.PayoutId;
import io.moldtank.ports.in.Outcome;
import io.moldtank.ports.in.agent.ModerateAgentUseCase.ModerateAgentCommand;
import io.moldtank.ports.in.agent.ModerateAgentUseCase.Move;
import io.moldtank.ports.in.payout.ResolvePayoutCommand;
import io.moldtank.ports.in.reconciliation.AcknowledgeDifferenceUseCase.AcknowledgeDifferenceCommand;
import io.moldtank.ports.in.scraper.ReviewDraftsUseCase.ApproveDraftCommand;
import io.moldtank.ports.in.scraper.ReviewDraftsUseCase.RejectDraftCommand;
import io.moldtank.ports.in.validation.RequeueDeadLetterUseCase.RequeueDeadLetterCommand;
import io.moldtank.ports.in.validation.ResolveDeadLetterCommand;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Every console POST, by path: each calls the use case the matching /api/v1/admin route calls, with the
 * same checks, and reports the state before and after for the audit log. A repeated action meets the
 * state the first one left and is refused by the domain (409), so a double click never acts twice.
 */
final class Actions {
    static final int MAX_NOTE = 2000;
    private static final Pattern TX_HASH = Pattern.compile("0x[0-9a-fA-F]{64}");
    private static final Pattern DIFFERENCE_ID = Pattern.compile("\\d{1,18}");

    /** The outcome for the audit log and the operator. {@code target} null: the path id. */
    record Done(String target, String before, String after, String message) {
    }

    @FunctionalInterface
    interface Work {
        Done run(ServerRequest req, Form form, String operator);
    }

    record Action(String name, String page, Work work) {
        Done run(ServerRequest req, Form form, String operator) {
            return work.run(req, form, operator);
        }

        /** Back to the page the action was posted from (an agent's page keeps its search). */
        String back(ServerRequest req) {
            String id = req.path().pathParameters().first("id").orElse("");
            // only an id goes back into the Location header: never a raw path value
            boolean safe = id.matches("[0-9a-fA-F-]{1,36}");
            return Console.PATH + "/" + page + (page.equals("agents") && safe ? "?q=" + id : "");
        }
    }

    private final Map<String, Action> routes = new LinkedHashMap<>();
    private final Console.Parts parts;

    Actions(Console.Parts parts) {
        this.parts = parts;
        var paying = parts.core().payingOut();
        var validating = parts.core().validating();
        on("/payouts/{id}/retry", "retry-payout", "needs-hands", (req, f, op) -> {
            Payout p = value(paying.retry(new PayoutId(id(req))));
            return new Done(null, "PARKED", p.status().name(), "Payout " + Ids.shortId(p.id().value())
                    + " retried: now " + p.status() + ".");
        });
        on("/payouts/{id}/resolve", "resolve-payout", "needs-hands", (req, f, op) -> {
            String tx = f.get("txHash");
            if (!TX_HASH.matcher(tx).matches()) {
                throw new Refusal(400, "the tx hash must be 0x followed by 64 hex digits");
            }
            f.required("note", MAX_NOTE);
            Payout p = value(paying.markResolved(new ResolvePayoutCommand(new PayoutId(id(req)),
                    tx.toLowerCase(Locale.ROOT), op)));
            return new Done(null, "PARKED", p.status().name() + " " + tx.toLowerCase(Locale.ROOT),
                    "Payout " + Ids.shortId(p.id().value()) + " recorded as paid by hand.");
        });
        on("/submissions/{id}/requeue", "requeue-dead-letter", "needs-hands", (req, f, op) -> submission(
                validating.requeue(new RequeueDeadLetterCommand(new SubmissionId(id(req)), op)), "requeued"));
        on("/submissions/{id}/reject", "reject-dead-letter", "needs-hands", (req, f, op) -> submission(
                validating.resolve(new ResolveDeadLetterCommand(new SubmissionId(id(req)), false, op,
                        f.required("note", MAX_NOTE))), "failed by hand"));
        on("/submissions/{id}/pass", "pass-dead-letter", "needs-hands", (req, f, op) -> submission(
                validating.resolve(new ResolveDeadLetterCommand(new SubmissionId(id(req)), true, op,
                        f.required("note", MAX_NOTE))), "passed by hand"));
        on("/verdicts/rerun", "rerun-verdict", "needs-hands", (req, f, op) -> {
            var id = new SubmissionId(Ids.parse(f.required("submission", 36)));
            var rerun = value(new io.moldtank.ports.service.RerunningVerdicts(parts.core().browsing(),
                    parts.core().panel()).rerun(id));
            String result = rerun.matches() ? "matches" : "differs: " + String.join("; ", rerun.differences());
            return new Done(id.value().toString(), "recorded verdict", "rerun " + result, "Verdict of submission "
                    + Ids.shortId(id.value()) + " rerun on the same image: " + result + ".");
        });
        on("/reconciliation/runs", "run-reconciliation", "needs-hands", (req, f, op) -> {
            var run = off(parts.reconciliation(), "reconciliation").reconcileNow()
                    .orElseThrow(() -> new Refusal(409, "another node is reconciling now"));
            return new Done("-", null, run.openDifferences() + " open",
                    "Reconciliation ran: " + run.openDifferences() + " open differences.");
        });
        on("/reconciliation/differences/{id}/acknowledge", "acknowledge-difference", "needs-hands", (req, f, op) -> {
            String id = req.path().pathParameters().get("id");
            if (!DIFFERENCE_ID.matcher(id).matches()) {
                throw new Refusal(400, "not a difference id");
            }
            var d = value(off(parts.reconciliation(), "reconciliation").acknowledge(
                    new AcknowledgeDifferenceCommand(Long.parseLong(id), op, f.required("note", MAX_NOTE))));
            return new Done(null, null, "noted", "Difference " + d.id() + " noted.");
        });
        on("/drafts/{id}/approve", "approve-draft", "drafts", (req, f, op) -> {
            String title = f.get("title");
            if (!title.isEmpty() && (title.length() < 3 || title.length() > 200)) {
                throw new Refusal(400, "the title must be 3..200 characters");
            }
            Usdc reward = f.get("reward").isEmpty() ? null : reward(f.get("reward"));
            var d = value(off(parts.scraper(), "the scraper").drafts().approve(new ApproveDraftCommand(id(req), op,
                    title.isEmpty() ? null : title, reward, null)));
            return new Done(null, "PENDING", d.status() + " bounty " + d.bountyId(),
                    "Draft approved: DRAFT bounty " + d.bountyId() + ".");
        });
        on("/drafts/{id}/reject", "reject-draft", "drafts", (req, f, op) -> {
            var d = value(off(parts.scraper(), "the scraper").drafts().reject(new RejectDraftCommand(id(req), op,
                    f.required("note", MAX_NOTE))));
            return new Done(null, "PENDING", d.status().name(), "Draft rejected.");
        });
        on("/scraper/runs", "run-scraper", "drafts", (req, f, op) -> {
            var run = off(parts.scraper(), "the scraper").runs().runNow()
                    .orElseThrow(() -> new Refusal(409, "another node is running the scraper now"));
            return new Done("-", null, run.outcome().name(), "Scraper ran: " + run.outcome() + ", "
                    + run.draftsCreated() + " drafts.");
        });
        on("/agents/{id}/deactivate", "deactivate-agent", "agents", (req, f, op) -> agent(req, f, op, Move.DEACTIVATE));
        on("/agents/{id}/reactivate", "reactivate-agent", "agents", (req, f, op) -> agent(req, f, op, Move.REACTIVATE));
    }

    Map<String, Action> routes() {
        return routes;
    }

    private void on(String path, String name, String page, Work work) {
        routes.put(path, new Action(name, page, work));
    }

    private Done agent(ServerRequest req, Form f, String op, Move move) {
        Agent a = value(parts.agents().moderate(new ModerateAgentCommand(new AgentId(id(req)), move, op,
                f.required("reason", MAX_NOTE))));
        String before = move == Move.DEACTIVATE ? "ACTIVE" : "DEACTIVATED";
        return new Done(null, before, a.status().name(), "Agent " + a.profile().name() + " is now " + a.status() + ".");
    }

    private static Done submission(Outcome<SubmissionSnapshot> outcome, String what) {
        SubmissionSnapshot s = value(outcome);
        return new Done(null, "DEAD_LETTERED", s.status().name(), "Submission " + Ids.shortId(s.id().value()) + " "
                + what + ": now " + s.status() + ".");
    }

    private static java.util.UUID id(ServerRequest req) {
        return Ids.parse(req.path().pathParameters().get("id"));
    }

    private static Usdc reward(String text) {
        try {
            Usdc u = Usdc.parse(text);
            if (u.isZero()) {
                throw new Refusal(400, "the reward must be above zero");
            }
            return u;
        } catch (RuntimeException e) {
            throw e instanceof Refusal r ? r : new Refusal(400, "the reward must be a USDC amount like 12.5");
        }
    }

    private static <T> T off(T capability, String name) {
        if (capability == null) {
            throw new Refusal(404, name + " is off on this node");
        }
        return capability;
    }

    /** The use case's value, or its refusal as the operator will read it. */
    static <T> T value(Outcome<T> outcome) {
        return switch (outcome) {
            case Outcome.Done<T> d -> d.value();
            case Outcome.NotFound<T> n -> throw new Refusal(404, "no " + n.what() + " " + n.id());
            case Outcome.Refused<T> r -> throw new Refusal(409, r.detail());
        };
    }
}
