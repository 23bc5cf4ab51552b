package io.moldtank.adapters.http;

import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import io.moldtank.domain.job.JobId;
import io.moldtank.ports.in.job.JobCheckUseCases;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The operator's side of sandbox-checked jobs under /api/v1/admin: checks that used up their attempts
 * (the sandbox kept failing) and queuing one again once the cause is fixed. The verification fee was
 * charged once when the client asked; a requeue never charges again.
 */
final class JobChecksAdminService implements HttpService {
    private final JobCheckUseCases checks;
    private final OperatorAuth auth;
    private final OperatorActions actions;
    private final RouteTable table;

    JobChecksAdminService(JobCheckUseCases checks, OperatorAuth auth, OperatorActions actions, RouteTable table) {
        this.checks = checks;
        this.auth = auth;
        this.actions = actions;
        this.table = table;
    }

    @Override
    public void routing(HttpRules rules) {
        table.on(rules, OperatorService.PATH).get("/job-checks/dead-lettered", this::deadLettered)
                .post("/job-checks/{id}/requeue", this::requeue);
    }

    private void deadLettered(ServerRequest req, ServerResponse res) {
        actions.perform(auth, req, res, "list-dead-job-checks", "-", operator -> Views.page(checks.deadLetteredChecks(
                OperatorService.limit(req)).stream().map(JobCheckViews::deadLetter).toList(), null));
    }

    private void requeue(ServerRequest req, ServerResponse res) {
        actions.perform(auth, req, res, "requeue-job-check", OperatorService.target(req), operator -> {
            JobId id = new JobId(Exchange.pathId(req, "id"));
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("jobId", id.toString());
            m.putAll(JobCheckViews.verification(Problems.valueOf(checks.requeueCheck(id)), false));
            m.remove("verdict");
            return m;
        });
    }
}
