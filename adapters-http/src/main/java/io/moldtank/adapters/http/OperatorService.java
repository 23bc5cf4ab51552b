package io.moldtank.adapters.http;

import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import io.moldtank.domain.bounty.SubmissionId;
import io.moldtank.domain.payout.PayoutId;
import io.moldtank.ports.in.payout.ResolvePayoutCommand;
import io.moldtank.ports.in.validation.RequeueDeadLetterUseCase.RequeueDeadLetterCommand;
import io.moldtank.ports.in.validation.ResolveDeadLetterCommand;
import io.moldtank.ports.service.Core;
import java.util.regex.Pattern;

/**
 * The operator's routes under /api/v1/admin: parked payouts (list, retry, resolve with the paying tx)
 * and dead-lettered submissions (list, decide by hand). Not for agents: a configured operator token only.
 */
final class OperatorService implements HttpService {
    static final String PATH = HttpAdapters.API_ROOT + "/admin";
    static final int MAX_LIST = 500;
    static final int MAX_NOTE = 2000;
    private static final Pattern TX_HASH = Pattern.compile("0x[0-9a-fA-F]{64}");
    private static final Pattern LIMIT = Pattern.compile("\\d{1,4}");

    /** The transaction that paid the winner by hand. */
    record ResolvePayout(String txHash) {
    }

    /** The person's verdict on a dead-lettered submission, and why. */
    record ResolveDeadLetter(Boolean passed, String note) {
    }

    private final Core core;
    private final OperatorAuth auth;
    private final OperatorActions actions;
    private final RouteTable table;

    OperatorService(Core core, OperatorAuth auth, OperatorActions actions, RouteTable table) {
        this.core = core;
        this.auth = auth;
        this.actions = actions;
        this.table = table;
    }

    @Override
    public void routing(HttpRules rules) {
        table.on(rules, PATH).get("/payouts/parked", this::parked)
                .post("/payouts/{id}/retry", this::retry)
                .post("/payouts/{id}/resolution", this::resolvePayout)
                .get("/submissions/dead-lettered", this::deadLettered)
                .post("/submissions/{id}/resolution", this::resolveDeadLetter)
                .post("/submissions/{id}/rerun", this::rerun)
                .post("/submissions/{id}/requeue", this::requeue);
    }

    /** Reruns the last round on the same panel (same image) and shows whether it matches; records nothing. */
    private void rerun(ServerRequest req, ServerResponse res) {
        act(req, res, "rerun-verdict", target(req), operator -> {
            SubmissionId id = new SubmissionId(Exchange.pathId(req, "id"));
            var rerun = Problems.valueOf(new io.moldtank.ports.service.RerunningVerdicts(core.browsing(), core.panel()).rerun(id));
            java.util.Map<String, Object> m = new java.util.LinkedHashMap<>();
            m.put("submissionId", rerun.id().toString());
            m.put("attempt", rerun.recordedAttempt());
            m.put("matches", rerun.matches());
            m.put("differences", rerun.differences());
            m.put("recorded", rerun.recorded().stream().map(VerdictViews::vote).toList());
            m.put("rerun", rerun.rerun().stream().map(VerdictViews::vote).toList());
            return m;
        });
    }

    /** Back to the queue for one more round (after the cause, e.g. a judge's outage, is fixed). */
    private void requeue(ServerRequest req, ServerResponse res) {
        act(req, res, "requeue-dead-letter", target(req), operator -> Views.submission(Problems.valueOf(
                core.validating().requeue(new RequeueDeadLetterCommand(new SubmissionId(Exchange.pathId(req, "id")),
                        operator)))));
    }

    private void parked(ServerRequest req, ServerResponse res) {
        act(req, res, "list-parked-payouts", "-", operator -> {
            int limit = limit(req);
            return Views.page(core.payingOut().parked(limit).stream().map(Views::operatorPayout).toList(), null);
        });
    }

    private void retry(ServerRequest req, ServerResponse res) {
        act(req, res, "retry-payout", target(req), operator -> {
            PayoutId id = new PayoutId(Exchange.pathId(req, "id"));
            return Views.operatorPayout(Problems.valueOf(core.payingOut().retry(id)));
        });
    }

    private void resolvePayout(ServerRequest req, ServerResponse res) {
        act(req, res, "resolve-payout", target(req), operator -> {
            PayoutId id = new PayoutId(Exchange.pathId(req, "id"));
            ResolvePayout dto = Json.read(Exchange.jsonBody(req), ResolvePayout.class);
            Fields f = new Fields();
            if (f.required("txHash", dto.txHash()) != null && !TX_HASH.matcher(dto.txHash()).matches()) {
                f.add("txHash", "0x followed by 64 hex digits");
            }
            f.check();
            return Views.operatorPayout(Problems.valueOf(core.payingOut().markResolved(
                    new ResolvePayoutCommand(id, dto.txHash().toLowerCase(java.util.Locale.ROOT), operator))));
        });
    }

    private void deadLettered(ServerRequest req, ServerResponse res) {
        act(req, res, "list-dead-letters", "-", operator -> {
            int limit = limit(req);
            return Views.page(core.validating().deadLettered(limit).stream().map(Views::submission).toList(), null);
        });
    }

    private void resolveDeadLetter(ServerRequest req, ServerResponse res) {
        act(req, res, "resolve-dead-letter", target(req), operator -> {
            SubmissionId id = new SubmissionId(Exchange.pathId(req, "id"));
            ResolveDeadLetter dto = Json.read(Exchange.jsonBody(req), ResolveDeadLetter.class);
            Fields f = new Fields();
            f.present("passed", dto.passed());
            if (dto.note() != null && (dto.note().isBlank() || dto.note().length() > MAX_NOTE)) {
                f.add("note", "1.." + MAX_NOTE + " characters when given");
            }
            f.check();
            return Views.submission(Problems.valueOf(core.validating().resolve(
                    new ResolveDeadLetterCommand(id, dto.passed(), operator, dto.note()))));
        });
    }

    /** Authenticates, runs the action and answers 200; every ending is logged and counted. */
    private void act(ServerRequest req, ServerResponse res, String action, String target, Action work) {
        String operator = null;
        try {
            operator = auth.operator(req);
            Object body = work.run(operator);
            actions.record(action, operator, target, 200);
            Exchange.ok(res, body);
        } catch (ApiProblem p) {
            actions.record(action, operator, target, p.status());
            throw p;
        } catch (RuntimeException e) {
            actions.record(action, operator, target, 500);
            throw e;
        }
    }

    static int limit(ServerRequest req) {
        String text = req.query().first("limit").orElse("100");
        int limit = LIMIT.matcher(text).matches() ? Integer.parseInt(text) : -1;
        if (limit < 1 || limit > MAX_LIST) {
            throw ApiProblem.invalid("limit", "an integer 1.." + MAX_LIST);
        }
        return limit;
    }

    /** The path id as sent, cut short: logged before it is validated. */
    static String target(ServerRequest req) {
        String id = req.path().pathParameters().first("id").orElse("-");
        return id.length() > 64 ? id.substring(0, 64) : id;
    }

    @FunctionalInterface
    private interface Action {
        Object run(String operator);
    }
}
