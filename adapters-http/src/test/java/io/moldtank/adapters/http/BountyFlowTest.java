package io.moldtank.adapters.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.helidon.webclient.http1.Http1Client;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.testing.junit5.ServerTest;
import io.helidon.webserver.testing.junit5.SetUpRoute;
import org.junit.jupiter.api.Test;

/** The bounty lifecycle over a real socket: draft → deposit → OPEN → submit → verdict → payout. */
@ServerTest
class BountyFlowTest {
    static final TestSystem SYSTEM = new TestSystem();
    private final ApiClient api;
    private final Scenario given;

    BountyFlowTest(Http1Client client) {
        this.api = new ApiClient(client);
        this.given = new Scenario(api, SYSTEM);
    }

    @SetUpRoute
    static void routing(HttpRouting.Builder routing) {
        SYSTEM.routing(routing);
    }

    @Test
    void a_drafted_bounty_opens_once_its_deposit_is_confirmed() {
        SigningAgent poster = given.registered("poster-a");
        String id = given.draft(poster, "12.5");
        assertThat(api.get("/api/v1/bounties/" + id).json().get("status").asText()).isEqualTo("DRAFT");

        ApiClient.Reply deposit = api.signed("POST", "/api/v1/bounties/" + id + "/deposit", null, poster);
        assertThat(deposit.status()).isEqualTo(200);
        assertThat(deposit.json().get("amount").asText()).isEqualTo("12.500000");
        assertThat(deposit.json().get("transactions")).hasSize(2);
        assertThat(api.get("/api/v1/bounties/" + id).json().get("status").asText()).isEqualTo("AWAITING_DEPOSIT");

        String tx = SYSTEM.payDeposit(io.moldtank.domain.bounty.BountyId.parse(id),
                new io.moldtank.domain.agent.WalletAddress(poster.wallet), io.moldtank.domain.money.Usdc.parse("12.5"));
        ApiClient.Reply confirmed = api.signed("POST", "/api/v1/bounties/" + id + "/deposit/confirm",
                "{\"txHash\":\"" + tx + "\"}", poster);
        assertThat(confirmed.status()).as(confirmed.body()).isEqualTo(200);
        JsonNode b = confirmed.json();
        assertThat(b.get("status").asText()).isEqualTo("OPEN");
        assertThat(b.get("deposited").asText()).isEqualTo("12.500000");
        assertThat(b.get("depositTx").asText()).isEqualTo(tx);
    }

    @Test
    void on_the_mock_chain_a_poster_without_a_wallet_funds_through_the_simulated_one() {
        SigningAgent poster = given.registered("poster-sim");
        SigningAgent other = given.registered("other-sim");
        String id = given.draft(poster, "4.5");
        String path = "/api/v1/bounties/" + id + "/deposit/simulate";

        ApiClient.Reply stranger = api.signed("POST", path, null, other);
        assertThat(stranger.status()).as(stranger.body()).isBetween(403, 409);
        assertThat(stranger.header("content-type")).isEqualTo("application/problem+json");
        assertThat(api.get("/api/v1/bounties/" + id).json().get("status").asText()).isEqualTo("DRAFT");

        ApiClient.Reply sent = api.signed("POST", path, null, poster);
        assertThat(sent.status()).as(sent.body()).isEqualTo(200);
        assertThat(sent.json().get("amount").asText()).isEqualTo("4.500000");
        String tx = sent.json().get("txHash").asText();
        assertThat(tx).matches("0x[0-9a-f]{64}");
        assertThat(api.get("/api/v1/bounties/" + id).json().get("status").asText()).as("opens only on confirmation")
                .isEqualTo("AWAITING_DEPOSIT");

        ApiClient.Reply twice = api.signed("POST", path, null, poster);
        assertThat(twice.status()).isEqualTo(409);
        assertThat(twice.problem()).isEqualTo("deposit-invalid");

        ApiClient.Reply confirmed = api.signed("POST", "/api/v1/bounties/" + id + "/deposit/confirm",
                "{\"txHash\":\"" + tx + "\"}", poster);
        assertThat(confirmed.status()).as(confirmed.body()).isEqualTo(200);
        assertThat(confirmed.json().get("status").asText()).isEqualTo("OPEN");
        assertThat(confirmed.json().get("deposited").asText()).isEqualTo("4.500000");
    }

    @Test
    void a_confirmation_naming_a_transaction_that_is_not_the_deposit_is_refused() {
        SigningAgent poster = given.registered("poster-b");
        String id = given.draft(poster, "3");
        api.signed("POST", "/api/v1/bounties/" + id + "/deposit", null, poster);
        ApiClient.Reply r = api.signed("POST", "/api/v1/bounties/" + id + "/deposit/confirm",
                "{\"txHash\":\"0x" + "ab".repeat(32) + "\"}", poster);
        assertThat(r.status()).isEqualTo(409);
        assertThat(r.header("content-type")).isEqualTo("application/problem+json");
        assertThat(api.get("/api/v1/bounties/" + id).json().get("status").asText()).isEqualTo("AWAITING_DEPOSIT");
    }

    @Test
    void only_the_poster_may_confirm_its_deposit() {
        SigningAgent poster = given.registered("poster-c");
        SigningAgent other = given.registered("other-c");
        String id = given.draft(poster, "3");
        ApiClient.Reply r = api.signed("POST", "/api/v1/bounties/" + id + "/deposit/confirm",
                "{\"txHash\":\"0x" + "ab".repeat(32) + "\"}", other);
        assertThat(r.status()).isEqualTo(403);
        assertThat(r.problem()).isEqualTo("not-poster");
    }

    @Test
    void a_passing_submission_wins_and_its_payout_is_visible() {
        SigningAgent poster = given.registered("poster-d");
        SigningAgent solver = given.registered("solver-d");
        String id = given.open(poster, "7.25");

        ApiClient.Reply sub = api.signed("POST", "/api/v1/bounties/" + id + "/submissions",
                "{\"files\":{\"solution.txt\":\"pass: done\"}}", solver);
        assertThat(sub.status()).as(sub.body()).isEqualTo(201);
        assertThat(sub.json().get("sequence").asLong()).isEqualTo(1);
        assertThat(sub.json().get("status").asText()).isEqualTo("QUEUED");
        String subId = sub.json().get("id").asText();

        assertThat(api.get("/api/v1/bounties/" + id + "/payout").status()).isEqualTo(404);
        while (SYSTEM.core.validating().validateNext("worker-1").isPresent()) {
            // drain the queue: the scripted validator passes "pass…" files
        }
        SYSTEM.core.payingOut().processDue(10);

        assertThat(api.get("/api/v1/submissions/" + subId).json().get("status").asText()).isEqualTo("PASSED");
        JsonNode list = api.get("/api/v1/bounties/" + id + "/submissions").json();
        assertThat(list.get("items")).hasSize(1);
        assertThat(list.get("items").get(0).get("votes").get(0).get("kind").asText()).isEqualTo("PASS");
        JsonNode payout = api.get("/api/v1/bounties/" + id + "/payout").json();
        assertThat(payout.get("amount").asText()).isEqualTo("7.250000");
        assertThat(payout.get("winner").asText()).isEqualTo(solver.id);
        assertThat(payout.get("mode").asText()).isEqualTo("wallet");
        assertThat(api.get("/api/v1/bounties/" + id).json().get("winner").asText()).isEqualTo(subId);
    }

    @Test
    void a_bountys_submissions_are_listed_in_pages_by_sequence() {
        SigningAgent poster = given.registered("poster-p");
        String id = given.open(poster, "2");
        for (int i = 0; i < 3; i++) {
            ApiClient.Reply sub = api.signed("POST", "/api/v1/bounties/" + id + "/submissions",
                    "{\"files\":{\"solution.txt\":\"fail: try " + i + "\"}}", given.registered("solver-p" + i));
            assertThat(sub.status()).as(sub.body()).isEqualTo(201);
        }
        String path = "/api/v1/bounties/" + id + "/submissions";
        JsonNode first = api.get(path + "?limit=2").json();
        assertThat(first.get("items")).extracting(n -> n.get("sequence").asLong()).containsExactly(1L, 2L);
        assertThat(first.get("next").asText()).isEqualTo("2");
        JsonNode second = api.get(path + "?limit=2&after=" + first.get("next").asText()).json();
        assertThat(second.get("items")).extracting(n -> n.get("sequence").asLong()).containsExactly(3L);
        assertThat(second.get("next").isNull()).isTrue();
        assertThat(api.get(path).json().get("items")).as("default page").hasSize(3);

        for (String bad : new String[] {"?limit=0", "?limit=101", "?limit=x", "?after=-1", "?after=abc"}) {
            ApiClient.Reply r = api.get(path + bad);
            assertThat(r.status()).as(bad).isEqualTo(400);
            assertThat(r.header("content-type")).isEqualTo("application/problem+json");
        }
        assertThat(api.get("/api/v1/bounties/" + java.util.UUID.randomUUID() + "/submissions").status()).isEqualTo(404);
    }

    @Test
    void a_bounty_with_submissions_cannot_be_cancelled_but_one_without_can() {
        SigningAgent poster = given.registered("poster-e");
        SigningAgent solver = given.registered("solver-e");
        String busy = given.open(poster, "2");
        api.signed("POST", "/api/v1/bounties/" + busy + "/submissions", "{\"files\":{\"a.txt\":\"fail\"}}", solver);
        ApiClient.Reply refused = api.signed("DELETE", "/api/v1/bounties/" + busy, null, poster);
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().get("type").asText())
                .isEqualTo("https://moldtank.dev/problems/cancel-with-submissions");

        String quiet = given.draft(poster, "2");
        ApiClient.Reply cancelled = api.signed("DELETE", "/api/v1/bounties/" + quiet, null, poster);
        assertThat(cancelled.status()).isEqualTo(200);
        assertThat(cancelled.json().get("status").asText()).isEqualTo("CANCELLED");
    }

    @Test
    void a_refund_before_the_deadline_is_refused() {
        SigningAgent poster = given.registered("poster-f");
        String id = given.open(poster, "2");
        ApiClient.Reply r = api.signed("POST", "/api/v1/bounties/" + id + "/refund", null, poster);
        assertThat(r.status()).isEqualTo(409);
        assertThat(r.problem()).isEqualTo("refund-too-early");
    }

    @Test
    void the_same_solution_twice_from_one_agent_is_a_duplicate() {
        SigningAgent poster = given.registered("poster-g");
        SigningAgent solver = given.registered("solver-g");
        String id = given.open(poster, "2");
        String files = "{\"files\":{\"a.txt\":\"fail once\"}}";
        assertThat(api.signed("POST", "/api/v1/bounties/" + id + "/submissions", files, solver).status()).isEqualTo(201);
        ApiClient.Reply dup = api.signed("POST", "/api/v1/bounties/" + id + "/submissions", files, solver);
        assertThat(dup.status()).isEqualTo(409);
        assertThat(dup.problem()).isEqualTo("duplicate-submission");
    }

    @Test
    void comments_are_listed_oldest_first_with_a_cursor() {
        SigningAgent poster = given.registered("poster-h");
        String id = given.open(poster, "2");
        for (int i = 1; i <= 3; i++) {
            ApiClient.Reply r = api.signed("POST", "/api/v1/bounties/" + id + "/comments",
                    "{\"body\":\"note " + i + "\"}", poster);
            assertThat(r.status()).as(r.body()).isEqualTo(201);
        }
        JsonNode first = api.get("/api/v1/bounties/" + id + "/comments?limit=2").json();
        assertThat(first.get("items")).extracting(n -> n.get("body").asText()).containsExactly("note 1", "note 2");
        JsonNode second = api.get("/api/v1/bounties/" + id + "/comments?limit=2&after=" + first.get("next").asText())
                .json();
        assertThat(second.get("items")).extracting(n -> n.get("body").asText()).containsExactly("note 3");
        assertThat(second.get("next").isNull()).isTrue();
    }
}
