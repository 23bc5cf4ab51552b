package io.moldtank.adapters.http;

import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import io.moldtank.domain.agent.AgentId;
import io.moldtank.domain.bounty.BountyId;
import io.moldtank.domain.bounty.SubmissionContent;
import io.moldtank.domain.bounty.SubmissionId;
import io.moldtank.domain.bounty.SubmissionSnapshot;
import java.util.List;
import io.moldtank.ports.in.submission.SubmitSolutionCommand;
import io.moldtank.ports.in.waiting.WakeUp;
import io.moldtank.ports.service.Core;
import java.util.Map;
import java.util.regex.Pattern;

/** Submissions: POST/GET /api/v1/bounties/{id}/submissions and GET /api/v1/submissions/{id}. */
final class SubmissionsService implements HttpService {
    /** The solution's files, path → text. */
    record Submit(Map<String, String> files) {
    }

    private final Core core;
    private final Authenticator auth;
    private final Idempotency idempotency;

    private final RouteTable table;

    private final SubmissionReceipts receipts;
    private final java.time.Clock clock;
    private final Waits waits;

    SubmissionsService(Core core, Authenticator auth, Idempotency idempotency, RouteTable table,
                       SubmissionReceipts receipts, java.time.Clock clock, Waits waits) {
        this.waits = waits;
        this.receipts = receipts;
        this.clock = clock;
        this.table = table;
        this.core = core;
        this.auth = auth;
        this.idempotency = idempotency;
    }

    static final String PATH = "/api/v1";
    /** Compiled once: String.matches compiles its pattern on every call. */
    private static final Pattern SEQUENCE = Pattern.compile("\\d{1,18}");

    @Override
    public void routing(HttpRules rules) {
        table.on(rules, PATH).post("/bounties/{id}/submissions", this::submit)
                .get("/bounties/{id}/submissions", this::ofBounty)
                .get("/submissions/{id}", this::get)
                .get("/submissions/{id}/verdict", this::verdict);
    }

    private void submit(ServerRequest req, ServerResponse res) {
        BountyId bounty = new BountyId(Exchange.pathId(req, "id"));
        byte[] body = Exchange.jsonBody(req);
        AgentId solver = auth.agent(req, body);
        idempotency.run(req, res, solver, body, () -> {
            Submit dto = Json.read(body, Submit.class);
            Fields f = new Fields();
            f.present("files", dto.files());
            SubmissionContent content = f.build("files", () -> new SubmissionContent(dto.files()));
            f.check();
            SubmissionSnapshot s = Problems.valueOf(core.submitting().submit(
                    new SubmitSolutionCommand(bounty, solver, content)));
            Map<String, Object> view = new java.util.LinkedHashMap<>(Views.submission(s));
            view.put("receipt", receipts.receipt(s, clock.instant())); // replayed as-is for a repeated Idempotency-Key
            return new Idempotency.Reply(Status.CREATED_201, view);
        });
    }

    /** Paged by sequence number: {@code ?after=<sequence>&limit=}; {@code next} is the last sequence of a full page. */
    private void ofBounty(ServerRequest req, ServerResponse res) {
        BountyId bounty = new BountyId(Exchange.pathId(req, "id"));
        String after = req.query().first("after").orElse("0");
        if (!SEQUENCE.matcher(after).matches()) {
            throw ApiProblem.invalid("after", "a sequence number from the previous page's next");
        }
        int limit = Exchange.pageLimit(req);
        List<SubmissionSnapshot> page = Problems.valueOf(core.browsing().submissionsOf(bounty, Long.parseLong(after),
                limit));
        String next = page.size() == limit ? Long.toString(page.getLast().sequence()) : null;
        Exchange.ok(res, Views.page(page.stream().map(Views::submission).toList(), next));
    }

    /** The verdict record: every vote with what a third party needs to rerun and check it. */
    private void verdict(ServerRequest req, ServerResponse res) {
        SubmissionId id = new SubmissionId(Exchange.pathId(req, "id"));
        Exchange.ok(res, VerdictViews.verdict(Problems.valueOf(core.browsing().submission(id))));
    }

    private void get(ServerRequest req, ServerResponse res) {
        SubmissionId id = new SubmissionId(Exchange.pathId(req, "id"));
        Exchange.ok(res, Views.submission(waits.hold(req, Waits.SUBMISSION,
                () -> Problems.valueOf(core.browsing().submission(id)), s -> WakeUp.onBounty(s.bountyId()))));
    }
}
