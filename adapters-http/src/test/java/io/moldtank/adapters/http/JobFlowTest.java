package io.moldtank.adapters.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.helidon.webclient.http1.Http1Client;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.testing.junit5.ServerTest;
import io.helidon.webserver.testing.junit5.SetUpRoute;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Agents hiring each other over a real socket (seed 003): the job lifecycle, its money and its refusals. */
@ServerTest
class JobFlowTest {
    static final TestSystem SYSTEM = new TestSystem();
    private final ApiClient api;
    private final Scenario given;
    private final Hiring hiring;

    JobFlowTest(Http1Client client) {
        this.api = new ApiClient(client);
        this.given = new Scenario(api, SYSTEM);
        this.hiring = new Hiring(api, SYSTEM);
    }

    @SetUpRoute
    static void routing(HttpRouting.Builder routing) {
        SYSTEM.routing(routing);
    }

    @Test
    void a_job_runs_from_proposal_to_verified_payment_and_every_balance_adds_up() {
        SigningAgent seller = given.registered("seller-flow");
        SigningAgent client = given.registered("client-flow");
        hiring.deposit(client, "20");
        hiring.deposit(seller, "1");
        String listing = hiring.listing(seller, "10");

        ApiClient.Reply proposed = api.signed("POST", "/api/v1/jobs", "{\"listingId\":\"" + listing + "\"}", client);
        assertThat(proposed.status()).as(proposed.body()).isEqualTo(201);
        JsonNode job = proposed.json();
        String id = job.get("id").asText();
        assertThat(job.get("status").asText()).isEqualTo("PROPOSED");
        assertThat(job.get("price").asText()).isEqualTo("10.000000");
        assertThat(job.get("platformCut").asText()).isEqualTo("0.250000");
        assertThat(job.get("sellerNet").asText()).isEqualTo("9.750000");
        assertThat(job.get("seller").asText()).isEqualTo(seller.id);

        assertThat(hiring.move(id, "accept", seller).json().get("status").asText()).isEqualTo("AGREED");
        assertThat(hiring.move(id, "fund", client).json().get("status").asText()).isEqualTo("FUNDED");
        assertThat(hiring.balance(client)).isEqualTo("10.000000");
        assertThat(hiring.move(id, "start", seller).json().get("status").asText()).isEqualTo("IN_PROGRESS");
        ApiClient.Reply delivered = hiring.move(id, "deliver", "{\"result\":\"the review: looks good\"}", seller);
        assertThat(delivered.json().get("status").asText()).isEqualTo("DELIVERED");
        assertThat(hiring.balance(seller)).as("storage fee").isEqualTo("0.990000");

        JsonNode beforeVerdict = api.signed("GET", "/api/v1/jobs/" + id, null, client).json();
        assertThat(beforeVerdict.at("/result/state").asText()).as("hidden until paid").isEqualTo("redacted");
        assertThat(beforeVerdict.toString()).doesNotContain("looks good");
        assertThat(api.signed("GET", "/api/v1/jobs/" + id, null, seller).json().at("/result/content").asText())
                .isEqualTo("the review: looks good");

        ApiClient.Reply verified = hiring.move(id, "verify", "{\"verdict\":\"PASSED\"}", client);
        assertThat(verified.status()).as(verified.body()).isEqualTo(200);
        assertThat(verified.json().get("status").asText()).isEqualTo("COMPLETED");
        assertThat(verified.json().at("/result/content").asText()).isEqualTo("the review: looks good");
        assertThat(hiring.balance(client)).as("20 - 10 - verification fee").isEqualTo("9.990000");
        assertThat(hiring.balance(seller)).as("1 - storage fee + 9.75").isEqualTo("10.740000");
    }

    @Test
    void a_failed_verdict_refunds_the_client_less_the_verification_fee() {
        SigningAgent seller = given.registered("seller-fail");
        SigningAgent client = given.registered("client-fail");
        hiring.deposit(client, "5");
        hiring.deposit(seller, "1");
        String job = hiring.delivered(client, seller, hiring.listing(seller, "4"));

        ApiClient.Reply failed = hiring.move(job, "verify", "{\"verdict\":\"FAILED\"}", client);
        assertThat(failed.json().get("status").asText()).isEqualTo("FAILED");
        assertThat(failed.json().at("/result/state").asText()).isEqualTo("redacted");
        assertThat(hiring.balance(client)).isEqualTo("4.990000");
        assertThat(hiring.balance(seller)).isEqualTo("0.990000");
    }

    @Test
    void the_wrong_party_is_forbidden_and_strangers_cannot_see_the_job() {
        SigningAgent seller = given.registered("seller-403");
        SigningAgent client = given.registered("client-403");
        SigningAgent stranger = given.registered("stranger-403");
        String job = hiring.propose(client, hiring.listing(seller, "3"));

        ApiClient.Reply clientAccepts = hiring.move(job, "accept", client);
        assertThat(clientAccepts.status()).isEqualTo(403);
        assertThat(clientAccepts.problem()).isEqualTo("wrong-party");
        ApiClient.Reply strangerCancels = hiring.move(job, "cancel", stranger);
        assertThat(strangerCancels.status()).isEqualTo(403);
        assertThat(strangerCancels.problem()).isEqualTo("not-a-party");
        assertThat(api.signed("GET", "/api/v1/jobs/" + job, null, stranger).status()).isEqualTo(404);
        assertThat(api.signed("GET", "/api/v1/jobs/" + job, null, client).json().get("status").asText())
                .isEqualTo("PROPOSED");
    }

    @Test
    void moves_out_of_order_or_without_money_are_refused_with_the_reason_and_change_nothing() {
        SigningAgent seller = given.registered("seller-409");
        SigningAgent client = given.registered("client-409");
        String job = hiring.propose(client, hiring.listing(seller, "3"));

        ApiClient.Reply early = hiring.move(job, "fund", client);
        assertThat(early.status()).isEqualTo(409);
        assertThat(early.problem()).isEqualTo("illegal-transition");
        assertThat(early.header("content-type")).isEqualTo("application/problem+json");

        assertThat(hiring.move(job, "accept", seller).status()).isEqualTo(200);
        ApiClient.Reply broke = hiring.move(job, "fund", client);
        assertThat(broke.status()).as(broke.body()).isEqualTo(409);
        assertThat(broke.problem()).isEqualTo("insufficient-funds");
        assertThat(api.signed("GET", "/api/v1/jobs/" + job, null, client).json().get("status").asText())
                .isEqualTo("AGREED");

        assertThat(hiring.move(job, "cancel", client).json().get("status").asText()).isEqualTo("CANCELLED");
        assertThat(hiring.move(job, "accept", seller).problem()).isEqualTo("illegal-transition");
    }

    @Test
    void bad_bodies_are_400_with_the_field_named_and_unknown_ids_are_404() {
        SigningAgent seller = given.registered("seller-400");
        SigningAgent client = given.registered("client-400");
        int events = SYSTEM.eventCount();

        assertField(api.signed("POST", "/api/v1/jobs", "{}", client), "listingId");
        assertField(api.signed("POST", "/api/v1/jobs", "{\"listingId\":\"nope\"}", client), "listingId");
        assertField(api.signed("POST", "/api/v1/jobs", "{\"listingId\":\"x\",\"price\":\"1\"}", client), "price");
        assertThat(SYSTEM.eventCount()).as("nothing stored").isEqualTo(events);

        ApiClient.Reply unknownListing = api.signed("POST", "/api/v1/jobs",
                "{\"listingId\":\"" + UUID.randomUUID() + "\"}", client);
        assertThat(unknownListing.status()).isEqualTo(404);
        assertThat(hiring.move(UUID.randomUUID().toString(), "accept", seller).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/jobs/not-a-uuid").status()).isEqualTo(400);

        String job = hiring.propose(client, hiring.listing(seller, "2"));
        assertField(hiring.move(job, "verify", "{\"verdict\":\"MAYBE\"}", client), "verdict");
        assertField(hiring.move(job, "deliver", "{\"result\":\"  \"}", seller), "result");
        assertField(hiring.move(job, "deliver", "{\"result\":7}", seller), "result");
        assertThat(api.signed("GET", "/api/v1/jobs/" + job, null, client).json().get("status").asText())
                .isEqualTo("PROPOSED");
        assertThat(api.send(ApiClient.call("POST", "/api/v1/jobs/" + job + "/accept", (String) null)).status())
                .as("unsigned").isEqualTo(401);
    }

    @Test
    void parties_review_each_other_once_after_the_job_ended() {
        SigningAgent seller = given.registered("seller-rev");
        SigningAgent client = given.registered("client-rev");
        SigningAgent stranger = given.registered("stranger-rev");
        hiring.deposit(client, "3");
        hiring.deposit(seller, "1");
        String job = hiring.delivered(client, seller, hiring.listing(seller, "2"));
        String path = "/api/v1/jobs/" + job + "/reviews";

        ApiClient.Reply early = api.signed("POST", path, "{\"rating\":5,\"text\":\"great\"}", client);
        assertThat(early.status()).isEqualTo(409);
        assertThat(early.problem()).isEqualTo("review-job-not-finished");
        assertThat(hiring.move(job, "verify", "{\"verdict\":\"PASSED\"}", client).status()).isEqualTo(200);

        assertField(api.signed("POST", path, "{\"rating\":6}", client), "rating");
        assertField(api.signed("POST", path, "{\"rating\":\"5\"}", client), "rating");
        assertThat(api.signed("POST", path, "{\"rating\":5}", stranger).status()).isEqualTo(403);
        ApiClient.Reply posted = api.signed("POST", path, "{\"rating\":5,\"text\":\"great\"}", client);
        assertThat(posted.status()).as(posted.body()).isEqualTo(201);
        assertThat(posted.json().get("subject").asText()).isEqualTo(seller.id);
        ApiClient.Reply twice = api.signed("POST", path, "{\"rating\":1}", client);
        assertThat(twice.status()).isEqualTo(409);
        assertThat(twice.problem()).isEqualTo("already-reviewed");

        JsonNode reviews = api.get("/api/v1/agents/" + seller.id + "/reviews").json();
        assertThat(reviews.get("items")).hasSize(1);
        assertThat(reviews.at("/items/0/rating").asInt()).isEqualTo(5);
        assertThat(reviews.at("/items/0/reviewer").asText()).isEqualTo(client.id);
        assertThat(api.get("/api/v1/agents/" + UUID.randomUUID() + "/reviews").status()).isEqualTo(404);
    }

    private static void assertField(ApiClient.Reply r, String field) {
        assertThat(r.status()).as(r.body()).isEqualTo(400);
        assertThat(r.header("content-type")).isEqualTo("application/problem+json");
        assertThat(r.json().get("errors").findValuesAsText("field")).as(r.body()).contains(field);
    }
}
