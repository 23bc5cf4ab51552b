package io.moldtank.adapters.http;

import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import io.moldtank.domain.reconciliation.Difference;
import io.moldtank.domain.reconciliation.Repair;
import io.moldtank.ports.in.reconciliation.AcknowledgeDifferenceUseCase.AcknowledgeDifferenceCommand;
import io.moldtank.ports.in.reconciliation.ReconciliationReport;
import io.moldtank.ports.out.storage.DifferenceLog.DifferenceRecord;
import io.moldtank.ports.in.reconciliation.ReconciliationUseCases;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The operator's view of reconciliation under /api/v1/admin/reconciliation: the last run and the open
 * differences between the chain and the books, a run on demand, and a note on a difference.
 */
final class ReconciliationService implements HttpService {
    static final String PATH = OperatorService.PATH + "/reconciliation";
    private static final Pattern ID = Pattern.compile("\\d{1,18}");

    record Acknowledgement(String note) {
    }

    private final ReconciliationUseCases reconciliation;
    private final OperatorAuth auth;
    private final OperatorActions actions;
    private final RouteTable table;

    ReconciliationService(ReconciliationUseCases reconciliation, OperatorAuth auth, OperatorActions actions, RouteTable table) {
        this.reconciliation = reconciliation;
        this.auth = auth;
        this.actions = actions;
        this.table = table;
    }

    @Override
    public void routing(HttpRules rules) {
        table.on(rules, PATH).get("/", this::show)
                .post("/runs", this::run)
                .post("/differences/{id}/acknowledgement", this::acknowledge);
    }

    private void show(ServerRequest req, ServerResponse res) {
        actions.perform(auth, req, res, "show-reconciliation", "-", operator -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("lastRun", reconciliation.lastRun().map(ReconciliationService::report).orElse(null));
            m.put("open", reconciliation.openDifferences(OperatorService.MAX_LIST).stream()
                    .map(ReconciliationService::record).toList());
            return m;
        });
    }

    private void run(ServerRequest req, ServerResponse res) {
        actions.perform(auth, req, res, "run-reconciliation", "-", operator -> report(reconciliation.reconcileNow()
                .orElseThrow(() -> ApiProblem.conflict("reconciliation-running",
                        "another node is reconciling now; its run's differences appear here when it ends"))));
    }

    private void acknowledge(ServerRequest req, ServerResponse res) {
        String target = req.path().pathParameters().first("id").orElse("-");
        actions.perform(auth, req, res, "acknowledge-difference", target.length() > 20 ? target.substring(0, 20) : target,
                operator -> {
                    if (!ID.matcher(target).matches()) {
                        throw ApiProblem.invalid("id", "a difference id (digits)");
                    }
                    Acknowledgement dto = Json.read(Exchange.jsonBody(req), Acknowledgement.class);
                    String note = dto == null ? null : dto.note();
                    if (note == null || note.isBlank() || note.length() > OperatorService.MAX_NOTE) {
                        throw ApiProblem.invalid("note", "1.." + OperatorService.MAX_NOTE + " characters");
                    }
                    return record(Problems.valueOf(reconciliation.acknowledge(
                            new AcknowledgeDifferenceCommand(Long.parseLong(target), operator, note))));
                });
    }

    static Map<String, Object> report(ReconciliationReport r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("startedAt", r.startedAt().toString());
        m.put("finishedAt", r.finishedAt().toString());
        m.put("chainEntries", r.chainEntries());
        m.put("bountiesCompared", r.bountiesCompared());
        m.put("repaired", r.repaired().stream().map(ReconciliationService::repair).toList());
        m.put("differences", r.differences().stream().map(ReconciliationService::difference).toList());
        m.put("openDifferences", r.openDifferences());
        return m;
    }

    private static Map<String, Object> repair(Repair r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("kind", switch (r) {
            case Repair.OpenBounty o -> "open-bounty";
            case Repair.MarkPaid p -> "mark-paid";
            case Repair.MarkRefunded f -> "mark-refunded";
        });
        m.put("bountyId", r.bountyId().toString());
        m.put("txHash", r.txHash());
        return m;
    }

    private static Map<String, Object> difference(Difference d) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("kind", d.kind().code());
        m.put("bountyId", d.bountyId().toString());
        m.put("txHash", d.txHash().isEmpty() ? null : d.txHash());
        m.put("detail", d.detail());
        return m;
    }

    private static Map<String, Object> record(DifferenceRecord r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", r.id());
        m.putAll(difference(r.difference()));
        m.put("firstSeen", r.firstSeen().toString());
        m.put("lastSeen", r.lastSeen().toString());
        m.put("acknowledgedBy", r.acknowledgedBy());
        m.put("note", r.note());
        m.put("acknowledgedAt", r.acknowledgedAt() == null ? null : r.acknowledgedAt().toString());
        return m;
    }
}
