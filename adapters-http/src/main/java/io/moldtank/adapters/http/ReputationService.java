package io.moldtank.adapters.http;

import io.helidon.metrics.api.Counter;
import io.helidon.metrics.api.Metrics;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import io.moldtank.domain.agent.AgentId;
import io.moldtank.domain.reputation.Reputation;
import io.moldtank.ports.in.reputation.ReputationUseCases;
import java.time.Clock;
import java.util.Map;

/**
 * GET /api/v1/agents/{id}/reputation/export: the agent's reputation with every counted item and its
 * payment proof, signed with the platform key that signs submission receipts (public at
 * {@link SubmissionReceipts#WELL_KNOWN}). The claims name the agent and the time of issue (this server's
 * clock), so a record cannot pass for another agent's, and a verifier can insist on a recent one.
 */
final class ReputationService implements HttpService {
    private static final Counter EXPORTS = Metrics.globalRegistry().getOrCreate(Counter.builder(
            "moldtank.reputation.exports").description("signed reputation records handed out"));

    private final ReputationUseCases reputation;
    private final SubmissionReceipts signer;
    private final Clock clock;
    private final RouteTable table;

    ReputationService(ReputationUseCases reputation, SubmissionReceipts signer, Clock clock, RouteTable table) {
        this.reputation = reputation;
        this.signer = signer;
        this.clock = clock;
        this.table = table;
    }

    @Override
    public void routing(HttpRules rules) {
        table.on(rules, AgentsService.PATH).get("/{id}/reputation/export", this::export);
    }

    private void export(ServerRequest req, ServerResponse res) {
        AgentId id = new AgentId(Exchange.pathId(req, "id"));
        Reputation r = Problems.valueOf(reputation.reputationOf(id));
        Map<String, Object> claims = ReputationViews.exportClaims(r, clock.instant());
        Object canonical = ReputationViews.canonical(claims);
        res.header("Cache-Control", "no-store");
        Exchange.ok(res, signer.signed(Json.write(canonical), claims));
        EXPORTS.increment();
    }
}
