package io.moldtank.adapters.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.helidon.webclient.http1.Http1Client;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.testing.junit5.ServerTest;
import io.helidon.webserver.testing.junit5.SetUpRoute;
import io.moldtank.domain.bounty.BountyId;
import io.moldtank.domain.payout.Payout;
import io.moldtank.domain.payout.PayoutStatus;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The operator's routes: only the operator token opens them, and each action refuses bad input and wrong states. */
@ServerTest
class OperatorEndpointsTest {
    static final TestSystem SYSTEM = new TestSystem();
    static final String TX = "0x" + "cd".repeat(32);
    private final ApiClient api;
    private final Scenario given;

    OperatorEndpointsTest(Http1Client client) {
        this.api = new ApiClient(client);
        this.given = new Scenario(api, SYSTEM);
    }

    @SetUpRoute
    static void routing(HttpRouting.Builder routing) {
        SYSTEM.routing(routing);
    }

    private ApiClient.Reply operator(String method, String path, String body) {
        return api.send(ApiClient.call(method, path, body).header("Authorization", "Bearer " + TestSystem.OPERATOR.token()));
    }

    private static long counted(String action, String outcome) {
        return OperatorActions.global().counter(action, outcome).count();
    }

    /** An awarded bounty whose five releases all failed: its payout is parked for a person. */
    private Payout parkedPayout(String name) {
        SigningAgent poster = given.registered("poster-" + name);
        SigningAgent solver = given.registered("solver-" + name);
        String bounty = given.open(poster, "4.5");
        api.signed("POST", "/api/v1/bounties/" + bounty + "/submissions", "{\"files\":{\"a.txt\":\"pass\"}}", solver);
        while (SYSTEM.core.validating().validateNext("w").isPresent()) {
            // the scripted validator passes "pass" files
        }
        // Every release fails until this payout used its five tries (other tests' payouts may share the worker).
        SYSTEM.escrow.failNextReleases(1000);
        Payout p = SYSTEM.core.browsing().payoutOf(BountyId.parse(bounty)).orThrow();
        for (int i = 0; i < 20 && p.status() != PayoutStatus.PARKED; i++) {
            SYSTEM.core.payingOut().processDue(10);
            p = SYSTEM.core.browsing().payoutOf(BountyId.parse(bounty)).orThrow();
        }
        SYSTEM.escrow.failNextReleases(0);
        assertThat(p.status()).isEqualTo(PayoutStatus.PARKED);
        assertThat(p.attempts()).isEqualTo(5);
        return p;
    }

    @Test
    void operator_routes_refuse_no_token_a_wrong_token_and_an_agent_signature() {
        SigningAgent agent = given.registered("agent-knocking");
        long before = counted("list-parked-payouts", "unauthorized");

        ApiClient.Reply none = api.get("/api/v1/admin/payouts/parked");
        ApiClient.Reply wrong = api.send(ApiClient.call("GET", "/api/v1/admin/payouts/parked", (String) null)
                .header("Authorization", "Bearer " + TestSystem.OPERATOR.token() + "x"));
        ApiClient.Reply signed = api.signed("GET", "/api/v1/admin/payouts/parked", null, agent);

        for (ApiClient.Reply r : new ApiClient.Reply[] {none, wrong, signed}) {
            assertThat(r.status()).as(r.body()).isEqualTo(401);
            assertThat(r.header("content-type")).isEqualTo("application/problem+json");
            assertThat(r.body()).doesNotContain(TestSystem.OPERATOR.token());
        }
        assertThat(counted("list-parked-payouts", "unauthorized")).isEqualTo(before + 3);
    }

    @Test
    void a_wrong_token_changes_nothing() {
        Payout parked = parkedPayout("wrong-token");
        ApiClient.Reply r = api.send(ApiClient.call("POST", "/api/v1/admin/payouts/" + parked.id() + "/retry",
                (String) null).header("Authorization", "Bearer not-the-operator-token-not-the-operator-token"));
        assertThat(r.status()).isEqualTo(401);
        assertThat(SYSTEM.core.browsing().payoutOf(parked.bountyId()).orThrow().status().name()).isEqualTo("PARKED");
    }

    @Test
    void the_operator_lists_parked_payouts_with_their_last_error_and_retries_one_until_it_is_paid() {
        Payout parked = parkedPayout("retry");
        long done = counted("retry-payout", "done");

        JsonNode list = operator("GET", "/api/v1/admin/payouts/parked", null).json();
        JsonNode item = null;
        for (JsonNode n : list.get("items")) {
            if (n.get("id").asText().equals(parked.id().toString())) {
                item = n;
            }
        }
        assertThat(item).as(list.toString()).isNotNull();
        assertThat(item.get("status").asText()).isEqualTo("PARKED");
        assertThat(item.get("attempts").asInt()).isEqualTo(5);
        assertThat(item.get("lastError").asText()).isNotBlank();

        ApiClient.Reply retried = operator("POST", "/api/v1/admin/payouts/" + parked.id() + "/retry", null);
        assertThat(retried.status()).as(retried.body()).isEqualTo(200);
        assertThat(retried.json().get("status").asText()).isEqualTo("PENDING");
        assertThat(counted("retry-payout", "done")).isEqualTo(done + 1);

        ApiClient.Reply again = operator("POST", "/api/v1/admin/payouts/" + parked.id() + "/retry", null);
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.problem()).isEqualTo("payout-not-parked");

        SYSTEM.core.payingOut().processDue(10);
        SYSTEM.core.payingOut().processDue(10);
        assertThat(api.get("/api/v1/bounties/" + parked.bountyId()).json().get("status").asText()).isEqualTo("PAID");
    }

    @Test
    void the_operator_resolves_a_parked_payout_with_the_transaction_that_paid_it() {
        Payout parked = parkedPayout("resolve");
        String path = "/api/v1/admin/payouts/" + parked.id() + "/resolution";

        ApiClient.Reply resolved = operator("POST", path, "{\"txHash\":\"" + TX + "\"}");
        assertThat(resolved.status()).as(resolved.body()).isEqualTo(200);
        assertThat(resolved.json().get("status").asText()).isEqualTo("CONFIRMED");
        assertThat(resolved.json().get("txHash").asText()).isEqualTo(TX);
        assertThat(resolved.json().get("receipt").asText()).contains(TestSystem.OPERATOR.name());
        JsonNode bounty = api.get("/api/v1/bounties/" + parked.bountyId()).json();
        assertThat(bounty.get("status").asText()).isEqualTo("PAID");
        assertThat(bounty.get("payoutTx").asText()).isEqualTo(TX);

        ApiClient.Reply twice = operator("POST", path, "{\"txHash\":\"0x" + "ef".repeat(32) + "\"}");
        assertThat(twice.status()).isEqualTo(409);
        assertThat(twice.problem()).isEqualTo("payout-not-parked");
        assertThat(SYSTEM.core.browsing().payoutOf(parked.bountyId()).orThrow().txHash()).isEqualTo(TX);
    }

    @Test
    void a_bad_resolution_is_refused_with_problem_json_and_the_payout_stays_parked() {
        Payout parked = parkedPayout("bad-resolution");
        String path = "/api/v1/admin/payouts/" + parked.id() + "/resolution";
        long invalid = counted("resolve-payout", "invalid");

        String[] bodies = {null, "{}", "{\"txHash\":\"0x1234\"}", "{\"txHash\":\"" + TX + "00\"}",
                "{\"txHash\":\"" + TX.replace('c', 'g') + "\"}", "{\"txHash\":12}", "{\"txHash\":\"" + TX + "\",\"x\":1}"};
        for (String body : bodies) {
            ApiClient.Reply r = operator("POST", path, body);
            assertThat(r.status()).as(body + " → " + r.body()).isEqualTo(400);
            assertThat(r.header("content-type")).isEqualTo("application/problem+json");
        }
        assertThat(counted("resolve-payout", "invalid")).isEqualTo(invalid + bodies.length);
        assertThat(SYSTEM.core.browsing().payoutOf(parked.bountyId()).orThrow()).isEqualTo(parked);
    }

    @Test
    void unknown_and_malformed_ids_are_404_and_400() {
        assertThat(operator("POST", "/api/v1/admin/payouts/" + UUID.randomUUID() + "/retry", null).status())
                .isEqualTo(404);
        assertThat(operator("POST", "/api/v1/admin/payouts/" + UUID.randomUUID() + "/resolution",
                "{\"txHash\":\"" + TX + "\"}").status()).isEqualTo(404);
        assertThat(operator("POST", "/api/v1/admin/submissions/" + UUID.randomUUID() + "/resolution",
                "{\"passed\":true}").status()).isEqualTo(404);
        ApiClient.Reply malformed = operator("POST", "/api/v1/admin/payouts/not-a-uuid/retry", null);
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.problem()).isEqualTo("invalid-input");
        for (String limit : new String[] {"0", "501", "-1", "ten"}) {
            ApiClient.Call list = new ApiClient.Call("GET", "/api/v1/admin/payouts/parked", "limit=" + limit,
                    new byte[0], null, 0, null, java.util.Map.of("Authorization", "Bearer " + TestSystem.OPERATOR.token()));
            ApiClient.Reply r = api.send(list);
            assertThat(r.status()).as(limit).isEqualTo(400);
            assertThat(r.json().get("errors").get(0).get("field").asText()).isEqualTo("limit");
        }
    }

    @Test
    void the_operator_decides_a_dead_lettered_submission_and_a_pass_awards_the_bounty() {
        SigningAgent poster = given.registered("poster-dead");
        SigningAgent solver = given.registered("solver-dead");
        String bounty = given.open(poster, "2");
        String sub = api.signed("POST", "/api/v1/bounties/" + bounty + "/submissions",
                "{\"files\":{\"a.txt\":\"error: the validator cannot answer\"}}", solver).json().get("id").asText();
        while (SYSTEM.core.validating().validateNext("w").isPresent()) {
            // three undecided rounds, then the domain dead-letters it
        }
        assertThat(api.get("/api/v1/submissions/" + sub).json().get("status").asText()).isEqualTo("DEAD_LETTERED");
        JsonNode listed = operator("GET", "/api/v1/admin/submissions/dead-lettered", null).json();
        assertThat(listed.get("items").findValuesAsText("id")).contains(sub);
        assertThat(listed.get("items").findValuesAsText("status")).containsOnly("DEAD_LETTERED");
        String path = "/api/v1/admin/submissions/" + sub + "/resolution";

        for (String bad : new String[] {"{}", "{\"passed\":\"yes\"}", "{\"passed\":true,\"note\":\" \"}",
                "{\"passed\":true,\"note\":\"" + "n".repeat(2001) + "\"}"}) {
            assertThat(operator("POST", path, bad).status()).as(bad).isEqualTo(400);
        }
        assertThat(api.get("/api/v1/submissions/" + sub).json().get("status").asText()).isEqualTo("DEAD_LETTERED");

        ApiClient.Reply decided = operator("POST", path, "{\"passed\":true,\"note\":\"ran the tests by hand\"}");
        assertThat(decided.status()).as(decided.body()).isEqualTo(200);
        assertThat(decided.json().get("status").asText()).isEqualTo("PASSED");
        assertThat(api.get("/api/v1/bounties/" + bounty).json().get("status").asText()).isEqualTo("AWARDED");
        assertThat(operator("GET", "/api/v1/admin/submissions/dead-lettered", null).json().get("items")
                .findValuesAsText("id")).doesNotContain(sub);

        ApiClient.Reply twice = operator("POST", path, "{\"passed\":false}");
        assertThat(twice.status()).isEqualTo(409);
        assertThat(twice.problem()).isEqualTo("not-dead-lettered");
    }
}
