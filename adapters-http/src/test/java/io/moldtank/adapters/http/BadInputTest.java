package io.moldtank.adapters.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.helidon.webclient.http1.Http1Client;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.testing.junit5.ServerTest;
import io.helidon.webserver.testing.junit5.SetUpRoute;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every bad input gets a 4xx problem naming what is wrong, and nothing is stored. */
@ServerTest
class BadInputTest {
    static final TestSystem SYSTEM = new TestSystem();
    private final ApiClient api;
    private final Scenario given;
    private SigningAgent poster;
    private int eventsBefore;

    BadInputTest(Http1Client client) {
        this.api = new ApiClient(client);
        this.given = new Scenario(api, SYSTEM);
    }

    @SetUpRoute
    static void routing(HttpRouting.Builder routing) {
        SYSTEM.routing(routing);
    }

    @BeforeEach
    void poster() {
        poster = given.registered("poster-" + System.nanoTime() % 1_000_000);
        eventsBefore = SYSTEM.eventCount();
    }

    private ApiClient.Reply post(String body) {
        return api.signed("POST", "/api/v1/bounties", body, poster);
    }

    private void assertInvalid(ApiClient.Reply r, String field) {
        assertThat(r.status()).as(r.body()).isEqualTo(400);
        assertThat(r.header("content-type")).isEqualTo("application/problem+json");
        JsonNode errors = r.json().get("errors");
        assertThat(errors).as(r.body()).isNotNull();
        assertThat(errors.findValuesAsText("field")).contains(field);
        assertThat(SYSTEM.eventCount()).as("nothing stored").isEqualTo(eventsBefore);
    }

    @Test
    void malformed_json_is_invalid() {
        assertInvalid(post("{\"title\": \"x\","), "");
        assertInvalid(post("{} trailing"), "");
    }

    @Test
    void an_unknown_field_is_named() {
        String body = Scenario.bountyJson("5", Scenario.inDays(2)).replace("{\"title\"", "{\"admin\":true,\"title\"");
        assertInvalid(post(body), "admin");
    }

    @Test
    void a_number_where_money_text_is_expected_is_a_wrong_type() {
        String body = Scenario.bountyJson("5", Scenario.inDays(2)).replace("\"reward\":\"5\"", "\"reward\":5");
        assertInvalid(post(body), "reward");
    }

    @Test
    void missing_fields_are_all_reported_at_once() {
        ApiClient.Reply r = post("{\"title\":\"Only a title\"}");
        assertInvalid(r, "description");
        assertThat(r.json().get("errors").findValuesAsText("field"))
                .contains("reward", "deadline", "acceptance");
    }

    @Test
    void negative_huge_and_over_precise_amounts_are_invalid() {
        for (String amount : List.of("-5", "1e3", "12.1234567", "9999999999999", "1000000.000001", "0", "abc")) {
            assertInvalid(post(Scenario.bountyJson(amount, Scenario.inDays(2))), amount.equals("1000000.000001")
                    || amount.equals("0") ? "terms" : "reward");
        }
    }

    @Test
    void a_deadline_in_the_past_is_refused() {
        ApiClient.Reply r = post(Scenario.bountyJson("5", Instant.now().minusSeconds(60)));
        assertThat(r.status()).isEqualTo(409);
        assertThat(r.problem()).isEqualTo("deadline-in-past");
        assertThat(SYSTEM.eventCount()).isEqualTo(eventsBefore);
        assertInvalid(post(Scenario.bountyJson("5", Instant.now()).replace("Z\"", "\"")), "deadline");
    }

    @Test
    void a_body_of_one_megabyte_plus_one_is_too_large() {
        byte[] huge = new byte[Exchange.MAX_BODY + 1];
        Arrays.fill(huge, (byte) ' ');
        huge[0] = '{';
        huge[huge.length - 1] = '}';
        ApiClient.Reply r = api.send(ApiClient.call("POST", "/api/v1/bounties", huge).signedBy(poster));
        assertThat(r.status()).isEqualTo(413);
        assertThat(r.problem()).isEqualTo("body-too-large");
        assertThat(SYSTEM.eventCount()).isEqualTo(eventsBefore);
    }

    @Test
    void a_submission_with_an_escaping_path_is_invalid() {
        String bounty = given.open(poster, "2");
        SigningAgent solver = given.registered("solver-" + System.nanoTime() % 1_000_000);
        eventsBefore = SYSTEM.eventCount();
        assertInvalid(api.signed("POST", "/api/v1/bounties/" + bounty + "/submissions",
                "{\"files\":{\"../etc/passwd\":\"x\"}}", solver), "files");
        assertInvalid(api.signed("POST", "/api/v1/bounties/" + bounty + "/submissions",
                "{\"files\":{}}", solver), "files");
        assertInvalid(api.signed("POST", "/api/v1/bounties/" + bounty + "/submissions",
                "{\"files\":{\"a.txt\":7}}", solver), "files.a.txt");
    }

    @Test
    void a_submission_carrying_the_test_runners_configuration_is_refused_naming_the_file() {
        String bounty = given.openFrom(poster, "2", """
                {"title":"Add two numbers","description":"Make test_add.py pass.","reward":"2","deadline":"%s",
                 "acceptance":{"kind":"tests","files":{"test_add.py":"from solution import add\\ndef test_a(): assert add(1, 2) == 3\\n"},
                 "command":"python3 -m pytest -q"}}""".formatted(Scenario.inDays(3)));
        SigningAgent solver = given.registered("solver-" + System.nanoTime() % 1_000_000);
        eventsBefore = SYSTEM.eventCount();

        ApiClient.Reply r = api.signed("POST", "/api/v1/bounties/" + bounty + "/submissions",
                "{\"files\":{\"solution.py\":\"def add(a, b): return 0\",\"conftest.py\":\"import pytest\"}}", solver);

        assertInvalid(r, "files");
        assertThat(r.body()).contains("conftest.py configures the test runner");
        assertThat(api.get("/api/v1/bounties/" + bounty + "/submissions").json().get("items")).isEmpty();
    }

    @Test
    void a_submission_to_an_unknown_bounty_is_not_found() {
        SigningAgent solver = given.registered("solver-x" + System.nanoTime() % 1_000);
        ApiClient.Reply r = api.signed("POST", "/api/v1/bounties/00000000-0000-0000-0000-0000000000aa/submissions",
                "{\"files\":{\"a.txt\":\"pass\"}}", solver);
        assertThat(r.status()).isEqualTo(404);
    }

    @Test
    void a_json_body_must_say_it_is_json() {
        ApiClient.Reply r = api.send(ApiClient.call("POST", "/api/v1/bounties",
                Scenario.bountyJson("5", Scenario.inDays(2))).signedBy(poster).header("Content-Type", "text/plain"));
        assertThat(r.status()).isEqualTo(415);
    }

    @Test
    void list_filters_are_checked() {
        assertThat(api.get("/api/v1/bounties?status=NOPE").status()).isEqualTo(400);
        assertThat(api.get("/api/v1/bounties?minReward=-1").status()).isEqualTo(400);
        assertThat(api.get("/api/v1/bounties?minReward=5&maxReward=1").status()).isEqualTo(400);
        assertThat(api.get("/api/v1/bounties?limit=1000").status()).isEqualTo(400);
        assertThat(api.get("/api/v1/bounties?after=bm90LWEtYm91bnR5").status()).isEqualTo(400);
        assertThat(api.get("/api/v1/bounties?sort=sideways").status()).isEqualTo(400);
    }
}
