package io.moldtank.adapters.http;

import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import io.moldtank.domain.bounty.Acceptance;
import io.moldtank.domain.money.Usdc;
import io.moldtank.domain.scraper.ScrapedDraft;
import io.moldtank.domain.scraper.ScraperRun;
import io.moldtank.ports.in.scraper.ReviewDraftsUseCase;
import io.moldtank.ports.in.scraper.ReviewDraftsUseCase.ApproveDraftCommand;
import io.moldtank.ports.in.scraper.ReviewDraftsUseCase.RejectDraftCommand;
import io.moldtank.ports.in.scraper.ScrapeUseCase;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The operator's side of the Moltbook scraper under /api/v1/admin: its drafts (list, approve into a
 * DRAFT bounty with optional edits, reject with a note) and its runs (list, run now).
 */
final class DraftsService implements HttpService {
    static final String PATH = OperatorService.PATH;
    private static final Pattern LIMIT = Pattern.compile("\\d{1,4}");

    record Approval(String title, String reward, BountyRequests.AcceptanceDto acceptance) {
    }

    record Rejection(String note) {
    }

    private final ReviewDraftsUseCase review;
    private final ScrapeUseCase scraper;
    private final OperatorAuth auth;
    private final OperatorActions actions;
    private final RouteTable table;

    DraftsService(ReviewDraftsUseCase review, ScrapeUseCase scraper, OperatorAuth auth, OperatorActions actions,
                  RouteTable table) {
        this.review = review;
        this.scraper = scraper;
        this.auth = auth;
        this.actions = actions;
        this.table = table;
    }

    @Override
    public void routing(HttpRules rules) {
        table.on(rules, PATH).get("/drafts", this::list)
                .post("/drafts/{id}/approval", this::approve)
                .post("/drafts/{id}/rejection", this::reject)
                .get("/scraper/runs", this::runs)
                .post("/scraper/runs", this::runNow);
    }

    private void list(ServerRequest req, ServerResponse res) {
        actions.perform(auth, req, res, "list-drafts", "-", operator -> {
            String text = req.query().first("status").orElse("PENDING").toUpperCase(Locale.ROOT);
            ScrapedDraft.Status status;
            try {
                status = ScrapedDraft.Status.valueOf(text);
            } catch (IllegalArgumentException e) {
                throw ApiProblem.invalid("status", "one of PENDING, APPROVED, REJECTED, POSTED");
            }
            return Views.page(review.drafts(status, limit(req)).stream().map(DraftsService::draft).toList(), null);
        });
    }

    private void approve(ServerRequest req, ServerResponse res) {
        actions.perform(auth, req, res, "approve-draft", target(req), operator -> {
            var id = Exchange.pathId(req, "id");
            Approval dto = Json.read(Exchange.jsonBody(req), Approval.class);
            Fields f = new Fields();
            String title = dto == null ? null : dto.title();
            if (title != null && (title.strip().length() < 3 || title.length() > 200)) {
                f.add("title", "3..200 characters");
            }
            Usdc reward = dto == null || dto.reward() == null ? null : f.usdc("reward", dto.reward());
            Acceptance acceptance = dto == null || dto.acceptance() == null ? null
                    : BountyRequests.acceptance(f, dto.acceptance());
            f.check();
            return draft(Problems.valueOf(review.approve(new ApproveDraftCommand(id, operator, title, reward, acceptance))));
        });
    }

    private void reject(ServerRequest req, ServerResponse res) {
        actions.perform(auth, req, res, "reject-draft", target(req), operator -> {
            var id = Exchange.pathId(req, "id");
            Rejection dto = Json.read(Exchange.jsonBody(req), Rejection.class);
            String note = dto == null ? null : dto.note();
            if (note == null || note.isBlank() || note.length() > OperatorService.MAX_NOTE) {
                throw ApiProblem.invalid("note", "1.." + OperatorService.MAX_NOTE + " characters");
            }
            return draft(Problems.valueOf(review.reject(new RejectDraftCommand(id, operator, note))));
        });
    }

    private void runs(ServerRequest req, ServerResponse res) {
        actions.perform(auth, req, res, "list-scraper-runs", "-", operator ->
                Views.page(scraper.runs(limit(req)).stream().map(DraftsService::run).toList(), null));
    }

    private void runNow(ServerRequest req, ServerResponse res) {
        actions.perform(auth, req, res, "run-scraper", "-", operator -> run(scraper.runNow().orElseThrow(() ->
                ApiProblem.conflict("scraper-running", "another node is running the scraper now"))));
    }

    static Map<String, Object> draft(ScrapedDraft d) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", d.id().toString());
        m.put("status", d.status().name());
        m.put("title", d.title());
        m.put("description", d.description());
        m.put("reward", d.reward().toDecimalString());
        m.put("tags", d.tags().stream().sorted().toList());
        m.put("sourcePostId", d.sourcePostId());
        m.put("sourceUrl", d.sourceUrl());
        m.put("score", d.score());
        m.put("createdAt", d.createdAt().toString());
        m.put("bountyId", d.bountyId() == null ? null : d.bountyId().toString());
        m.put("decidedBy", d.decidedBy());
        m.put("decidedAt", d.decidedAt() == null ? null : d.decidedAt().toString());
        m.put("note", d.note());
        return m;
    }

    static Map<String, Object> run(ScraperRun r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", r.id().toString());
        m.put("slot", r.slot().toString());
        m.put("onDemand", r.onDemand());
        m.put("startedAt", r.startedAt().toString());
        m.put("finishedAt", r.finishedAt().toString());
        m.put("outcome", r.outcome().name());
        m.put("postsSeen", r.postsSeen());
        m.put("candidates", r.candidates());
        m.put("draftsCreated", r.draftsCreated());
        m.put("rateLimited", r.rateLimited());
        m.put("errors", r.errors());
        m.put("highWater", r.highWater() == null ? null : r.highWater().toString());
        m.put("node", r.node());
        return m;
    }

    private static int limit(ServerRequest req) {
        String text = req.query().first("limit").orElse("100");
        int limit = LIMIT.matcher(text).matches() ? Integer.parseInt(text) : -1;
        if (limit < 1 || limit > OperatorService.MAX_LIST) {
            throw ApiProblem.invalid("limit", "an integer 1.." + OperatorService.MAX_LIST);
        }
        return limit;
    }

    private static String target(ServerRequest req) {
        String id = req.path().pathParameters().first("id").orElse("-");
        return id.length() > 64 ? id.substring(0, 64) : id;
    }
}
