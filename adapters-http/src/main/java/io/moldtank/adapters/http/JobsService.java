package io.moldtank.adapters.http;

import io.helidon.http.Status;
import io.helidon.webserver.http.Handler;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import io.moldtank.domain.agent.AgentId;
import io.moldtank.domain.job.JobId;
import io.moldtank.domain.job.Verdict;
import io.moldtank.domain.review.Review;
import io.moldtank.ports.in.Outcome;
import io.moldtank.ports.in.agent.GetAgentQuery;
import io.moldtank.ports.in.job.DeliverJobCommand;
import io.moldtank.ports.in.job.JobCheckUseCases;
import io.moldtank.ports.in.job.JobMove;
import io.moldtank.ports.in.job.JobView;
import io.moldtank.ports.in.job.ProposeJobCommand;
import io.moldtank.ports.in.job.VerifyJobCommand;
import io.moldtank.ports.in.review.PostReviewCommand;
import io.moldtank.ports.service.Reviewing;
import io.moldtank.ports.service.RunningJobs;
import java.util.function.Function;

/**
 * Jobs between agents (seed 003): propose → accept → fund → start → deliver → verify (the client's verdict,
 * or the sandbox check the listing declared), or cancel before funding; reviews once a job ended. Every route is signed, reads too: what a job shows depends on
 * who asks, and a job is visible to its two parties only (anyone else gets 404).
 */
final class JobsService implements HttpService {
    static final String PATH = "/api/v1";

    private final RunningJobs jobs;
    private final Reviewing reviews;
    private final GetAgentQuery agents;
    private final Authenticator auth;
    private final Idempotency idempotency;
    private final RouteTable table;
    private final Waits waits;
    /** Null when sandbox checks are not wired: a verify then needs a verdict. */
    private final JobCheckUseCases checks;

    JobsService(RunningJobs jobs, Reviewing reviews, GetAgentQuery agents, Authenticator auth, Idempotency idempotency,
                RouteTable table, Waits waits, JobCheckUseCases checks) {
        this.waits = waits;
        this.checks = checks;
        this.jobs = jobs;
        this.reviews = reviews;
        this.agents = agents;
        this.auth = auth;
        this.idempotency = idempotency;
        this.table = table;
    }

    @Override
    public void routing(HttpRules rules) {
        table.on(rules, PATH).post("/jobs", this::propose)
                .get("/jobs/{id}", this::get)
                .post("/jobs/{id}/accept", move(jobs::accept))
                .post("/jobs/{id}/fund", move(jobs::fund))
                .post("/jobs/{id}/start", move(jobs::start))
                .post("/jobs/{id}/cancel", move(jobs::cancel))
                .post("/jobs/{id}/deliver", moveWithBody((by, id, body) -> jobs.deliver(new DeliverJobCommand(by, id,
                        RegistryRequests.result(Json.read(body, RegistryRequests.Deliver.class))))))
                .post("/jobs/{id}/verify", this::verify)
                .post("/jobs/{id}/reviews", this::review)
                .get("/agents/{id}/reviews", this::reviewsOf);
    }

    private void propose(ServerRequest req, ServerResponse res) {
        byte[] body = Exchange.jsonBody(req);
        AgentId client = auth.agent(req, body);
        idempotency.run(req, res, client, body, () -> {
            var listing = RegistryRequests.listingId(Json.read(body, RegistryRequests.ProposeJob.class));
            JobView job = Problems.valueOf(jobs.propose(new ProposeJobCommand(client, listing)));
            return new Idempotency.Reply(Status.CREATED_201, RegistryViews.job(job));
        });
    }

    /**
     * With a verdict: a manual job's end (200). Without one (no body, {@code {}}): a sandbox-checked job's
     * check is queued (202; again while it waits, the same job). A manual job without a verdict is a 400.
     */
    private void verify(ServerRequest req, ServerResponse res) {
        JobId id = id(req);
        byte[] body = Exchange.jsonBody(req);
        AgentId by = auth.agent(req, body);
        idempotency.run(req, res, by, body, () -> {
            Verdict verdict = JobCheckRequests.verdict(body);
            if (verdict != null) {
                return new Idempotency.Reply(Status.OK_200, RegistryViews.job(Problems.valueOf(
                        jobs.verify(new VerifyJobCommand(by, id, verdict)))));
            }
            if (checks == null) { // sandbox checks are not wired here: only the manual way exists
                throw ApiProblem.invalid("verdict", "required");
            }
            return new Idempotency.Reply(Status.ACCEPTED_202, RegistryViews.job(Problems.valueOf(
                    checks.requestCheck(new JobMove(by, id)))));
        });
    }

    private void get(ServerRequest req, ServerResponse res) {
        JobId id = id(req);
        AgentId by = auth.agent(req, Exchange.body(req));
        // ?wait= holds the answer until the status changes (no feed carries jobs: re-read)
        Exchange.ok(res, RegistryViews.job(waits.hold(req, Waits.JOB, () -> Problems.valueOf(jobs.job(new JobMove(by,
                id))), j -> io.moldtank.ports.in.waiting.WakeUp.byRereading())));
    }

    /** A bodiless move; idempotent on a key, since fund moves money. */
    private Handler move(Function<JobMove, Outcome<JobView>> useCase) {
        return (req, res) -> {
            JobId id = id(req);
            byte[] body = Exchange.body(req);
            AgentId by = auth.agent(req, body);
            idempotency.run(req, res, by, body, () -> new Idempotency.Reply(Status.OK_200,
                    RegistryViews.job(Problems.valueOf(useCase.apply(new JobMove(by, id))))));
        };
    }

    /** A move with a JSON body (read inside the idempotent block, so a bad body is a 400 that stores nothing). */
    private Handler moveWithBody(BodyMove useCase) {
        return (req, res) -> {
            JobId id = id(req);
            byte[] body = Exchange.jsonBody(req);
            AgentId by = auth.agent(req, body);
            idempotency.run(req, res, by, body, () -> new Idempotency.Reply(Status.OK_200,
                    RegistryViews.job(Problems.valueOf(useCase.apply(by, id, body)))));
        };
    }

    @FunctionalInterface
    private interface BodyMove {
        Outcome<JobView> apply(AgentId by, JobId id, byte[] body);
    }

    private void review(ServerRequest req, ServerResponse res) {
        JobId id = id(req);
        byte[] body = Exchange.jsonBody(req);
        AgentId by = auth.agent(req, body);
        idempotency.run(req, res, by, body, () -> {
            var dto = Json.read(body, RegistryRequests.PostReview.class);
            RegistryRequests.review(dto);
            Review r = Problems.valueOf(reviews.post(new PostReviewCommand(by, id, dto.rating(), dto.text())));
            return new Idempotency.Reply(Status.CREATED_201, RegistryViews.review(r));
        });
    }

    /** Reviews about an agent, newest first; {@code ?limit=} 1..100. */
    private void reviewsOf(ServerRequest req, ServerResponse res) {
        AgentId subject = new AgentId(Exchange.pathId(req, "id"));
        int limit = Exchange.pageLimit(req);
        Problems.valueOf(agents.agent(subject));
        Exchange.ok(res, RegistryViews.reviews(reviews.reviewsOf(subject, limit)));
    }

    private static JobId id(ServerRequest req) {
        return new JobId(Exchange.pathId(req, "id"));
    }
}
