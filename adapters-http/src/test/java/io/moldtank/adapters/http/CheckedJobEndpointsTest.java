package io.moldtank.adapters.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.helidon.webclient.http1.Http1Client;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.testing.junit5.ServerTest;
import io.helidon.webserver.testing.junit5.SetUpRoute;
import io.moldtank.domain.validation.Vote;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 14 §1 over a real socket, with a scripted sandbox (the real one is in the app's Docker test):
 * listings declare checks (bad ones are 400 invalid-check and store nothing), a checked job is verified
 * without a verdict, once, by its client only, and its verdict record shows as the result would.
 */
@ServerTest
class CheckedJobEndpointsTest {
    static final TestSystem SYSTEM = new TestSystem();
    private static final String SCRIPT_CHECK = """
            {"kind":"script","files":{"check.sh":"grep -q pass"},"command":"sh check.sh","timeoutSeconds":20}""";
    private final ApiClient api;
    private final Scenario given;
    private final Hiring hiring;

    CheckedJobEndpointsTest(Http1Client client) {
        this.api = new ApiClient(client);
        this.given = new Scenario(api, SYSTEM);
        this.hiring = new Hiring(api, SYSTEM);
    }

    @SetUpRoute
    static void routing(HttpRouting.Builder routing) {
        SYSTEM.routing(routing);
    }

    private String checkedListing(SigningAgent seller, String check) {
        ApiClient.Reply r = api.signed("POST", "/api/v1/listings", """
                {"title":"Checked work","price":"4","tags":["checked"],"check":%s}""".formatted(check), seller);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().get("id").asText();
    }

    /** The client holds 5, the seller 1; a 4 USDC job on the script check, delivered with {@code result}. */
    private String deliveredScriptJob(SigningAgent client, SigningAgent seller, String result) {
        hiring.deposit(client, "5");
        hiring.deposit(seller, "1");
        return hiring.delivered(client, seller, checkedListing(seller, SCRIPT_CHECK), result);
    }

    private ApiClient.Reply verify(String job, String body, SigningAgent by) {
        return api.signed("POST", "/api/v1/jobs/" + job + "/verify", body, by);
    }

    private JsonNode job(String job, SigningAgent by) {
        return api.signed("GET", "/api/v1/jobs/" + job, null, by).json();
    }

    private ApiClient.Reply operator(String method, String path) {
        return api.send(ApiClient.call(method, path, (String) null).header("Authorization",
                "Bearer " + TestSystem.OPERATOR.token()));
    }

    @Test
    void a_listing_shows_its_check_whole_and_discovery_shows_only_its_file_names() {
        SigningAgent seller = given.registered("check-lister");
        ApiClient.Reply created = api.signed("POST", "/api/v1/listings", """
                {"title":"Tested adder","price":"3","tags":["adder-tests"],"check":{"kind":"tests",
                 "files":{"test_add.py":"from solution import add\\ndef test_add():\\n    assert add(2, 3) == 5\\n"},
                 "command":"pytest -q","timeoutSeconds":45,"resultFile":"solution.py"}}""", seller);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        JsonNode check = created.json().get("check");
        assertThat(check.get("kind").asText()).isEqualTo("tests");
        assertThat(check.get("runner").asText()).isEqualTo("pytest");
        assertThat(check.get("timeoutSeconds").asInt()).isEqualTo(45);
        assertThat(check.get("expectTests").get(0).asText()).isEqualTo("test_add.py::test_add");
        assertThat(check.get("expectTestsFrom").asText()).isEqualTo("collected");
        assertThat(check.get("resultFile").asText()).isEqualTo("solution.py");
        assertThat(check.at("/files/test_add.py").asText()).contains("assert add(2, 3) == 5");

        String id = created.json().get("id").asText();
        assertThat(api.get("/api/v1/listings/" + id).json().get("check")).isEqualTo(check);
        JsonNode found = api.get("/api/v1/discover?tag=adder-tests").json().at("/items/0/check");
        assertThat(found.get("fileNames").get(0).asText()).isEqualTo("test_add.py");
        assertThat(found.has("files")).isFalse();
        assertThat(api.get("/api/v1/listings/" + hiring.listing(seller, "1")).json().at("/check/kind").asText())
                .isEqualTo("manual");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "{\"kind\":\"robot\"}",
            "{\"kind\":\"tests\",\"files\":{\"test_a.py\":\"def test_a(): pass\"},\"command\":\"pytest -q\",\"timeoutSeconds\":0}",
            "{\"kind\":\"tests\",\"files\":{\"test_a.py\":\"def test_a(): pass\"},\"command\":\"pytest -q\",\"timeoutSeconds\":301}",
            "{\"kind\":\"tests\",\"files\":{\"test_a.py\":\"def test_a(): pass\"},\"command\":\"pytest -q\",\"resultFile\":\"conftest.py\"}",
            "{\"kind\":\"tests\",\"files\":{\"test_a.py\":\"def test_a(): pass\"},\"command\":\"pytest -q\",\"resultFile\":\"../up.txt\"}",
            "{\"kind\":\"tests\",\"files\":{\"test_a.py\":\"def test_a(): pass\"}}",
            "{\"kind\":\"tests\",\"files\":{\"test_a.py\":\"def test_a(): pass\"},\"command\":\"pytest -q; rm -rf /\"}",
            "{\"kind\":\"tests\",\"files\":{\"notes.txt\":\"no tests here\"},\"command\":\"pytest -q\"}",
            "{\"kind\":\"tests\",\"files\":{\"t.js\":\"\"},\"command\":\"node t.js\",\"runner\":\"junit\"}",
            "{\"kind\":\"tests\",\"files\":{\"test_a.py\":\"def test_a(): pass\"},\"command\":\"pytest\",\"expectTests\":[]}",
            "{\"kind\":\"tests\",\"files\":{\"../etc/passwd\":\"x\"},\"command\":\"pytest -q\",\"expectTests\":1}",
            "{\"kind\":\"script\",\"command\":\"true\",\"runner\":\"pytest\"}",
            "{\"kind\":\"script\",\"command\":\" \"}",
            "{\"kind\":\"script\",\"files\":{\"test_moldtank_script.py\":\"def test_x(): pass\"},\"command\":\"true\"}",
            "{\"kind\":\"manual\",\"command\":\"true\"}"})
    void a_check_that_cannot_run_is_refused_as_invalid_check_and_nothing_is_listed(String check) {
        SigningAgent seller = given.registered("bad-check-" + UUID.randomUUID().toString().substring(0, 8));
        ApiClient.Reply r = api.signed("POST", "/api/v1/listings", """
                {"title":"Never listed","price":"2","tags":["never-listed"],"check":%s}""".formatted(check), seller);
        assertThat(r.status()).as(r.body()).isEqualTo(400);
        assertThat(r.header("content-type")).startsWith("application/problem+json");
        assertThat(r.json().get("type").asText()).endsWith("/invalid-check");
        assertThat(r.json().at("/errors/0/field").asText()).startsWith("check");
        assertThat(api.get("/api/v1/discover?tag=never-listed").json().get("items")).isEmpty();
    }

    @Test
    void the_client_asks_once_the_check_passes_and_the_money_moves_once() {
        SigningAgent seller = given.registered("check-seller");
        SigningAgent client = given.registered("check-client");
        String job = deliveredScriptJob(client, seller, "pass: the work");
        assertThat(job(job, client).at("/check/kind").asText()).isEqualTo("script");

        assertThat(verify(job, null, seller).json().get("type").asText()).endsWith("/wrong-party");
        assertThat(verify(job, null, given.registered("check-stranger")).status()).isEqualTo(403);
        ApiClient.Reply withVerdict = verify(job, "{\"verdict\":\"PASSED\"}", client);
        assertThat(withVerdict.status()).isEqualTo(409);
        assertThat(withVerdict.json().get("type").asText()).endsWith("/verdict-on-checked-job");
        assertThat(hiring.balance(client)).as("nothing charged by refusals").isEqualTo("1.000000");

        ApiClient.Reply asked = verify(job, null, client);
        assertThat(asked.status()).as(asked.body()).isEqualTo(202);
        assertThat(asked.json().get("status").asText()).isEqualTo("VERIFYING");
        assertThat(asked.json().at("/verification/state").asText()).isEqualTo("QUEUED");
        ApiClient.Reply again = verify(job, "{}", client);
        assertThat(again.status()).isEqualTo(202);
        assertThat(again.json().get("verification")).isEqualTo(asked.json().get("verification"));
        assertThat(hiring.balance(client)).as("5 - 4 escrowed - 0.01 fee, once").isEqualTo("0.990000");

        assertThat(SYSTEM.checks.checkDue(10)).isEqualTo(1);
        JsonNode done = job(job, client);
        assertThat(done.get("status").asText()).isEqualTo("COMPLETED");
        assertThat(done.at("/result/content").asText()).isEqualTo("pass: the work");
        assertThat(done.at("/verification/state").asText()).isEqualTo("DONE");
        assertThat(done.at("/verification/verdict/outcome").asText()).isEqualTo("PASSED");
        assertThat(done.at("/verification/verdict/output/stdoutTail").asText()).isEqualTo("saw pass: the work");
        assertThat(hiring.balance(seller)).as("1 - 0.01 storage + 4 - 2.5 % cut").isEqualTo("4.890000");
        assertThat(hiring.balance(client)).isEqualTo("0.990000");
        assertThat(verify(job, null, client).json().get("type").asText()).endsWith("/illegal-transition");
    }

    @Test
    void after_a_fail_the_client_sees_the_verdict_but_not_the_result_nor_the_output() {
        SigningAgent seller = given.registered("fail-seller");
        SigningAgent client = given.registered("fail-client");
        String job = deliveredScriptJob(client, seller, "secret wrong work");
        assertThat(verify(job, null, client).status()).isEqualTo(202);
        SYSTEM.checks.checkDue(10);

        JsonNode asClient = job(job, client);
        assertThat(asClient.get("status").asText()).isEqualTo("FAILED");
        assertThat(asClient.at("/verification/verdict/reason").asText()).isEqualTo("tests-failed");
        assertThat(asClient.at("/verification/verdict/output/state").asText()).isEqualTo("redacted");
        assertThat(asClient.toString()).doesNotContain("secret wrong work");
        assertThat(job(job, seller).at("/verification/verdict/output/stdoutTail").asText()).contains("secret wrong work");
        assertThat(hiring.balance(client)).as("the price back, the fee kept").isEqualTo("4.990000");
    }

    @Test
    void a_manual_job_still_needs_the_clients_verdict() {
        SigningAgent seller = given.registered("manual-seller");
        SigningAgent client = given.registered("manual-client");
        hiring.deposit(client, "5");
        hiring.deposit(seller, "1");
        String job = hiring.delivered(client, seller, hiring.listing(seller, "2"));
        for (String body : new String[] {null, "{}"}) {
            ApiClient.Reply r = verify(job, body, client);
            assertThat(r.status()).as(r.body()).isEqualTo(400);
            assertThat(r.json().get("type").asText()).endsWith("/invalid-input");
            assertThat(r.json().at("/errors/0/field").asText()).isEqualTo("verdict");
        }
        assertThat(verify(job, "{\"verdict\":\"MAYBE\"}", client).status()).isEqualTo(400);
        assertThat(job(job, client).get("status").asText()).isEqualTo("DELIVERED");
        assertThat(job(job, client).get("verification").isNull()).isTrue();
        assertThat(verify(job, "{\"verdict\":\"PASSED\"}", client).json().get("status").asText()).isEqualTo("COMPLETED");
    }

    @Test
    void a_check_the_sandbox_keeps_failing_is_dead_lettered_for_the_operator_who_queues_it_again() {
        SigningAgent seller = given.registered("dead-seller");
        SigningAgent client = given.registered("dead-client");
        String job = deliveredScriptJob(client, seller, "pass: eventually");
        SYSTEM.checkAnswer = result -> new Vote("test-runner", Vote.Kind.ERROR, "sandbox failed: docker gone", Map.of(),
                Duration.ZERO, SYSTEM.clock.instant());
        try {
            verify(job, null, client);
            // three worker passes: the test system retries without a pause, so each try is due at once
            for (int attempt = 1; attempt <= 3; attempt++) {
                SYSTEM.checks.checkDue(10);
                JsonNode v = job(job, client).get("verification");
                if (v.get("state").asText().equals("DEAD_LETTERED")) {
                    break;
                }
                waitUntilDue(v);
            }
            JsonNode stuck = job(job, client);
            assertThat(stuck.get("status").asText()).isEqualTo("VERIFYING");
            assertThat(stuck.at("/verification/state").asText()).isEqualTo("DEAD_LETTERED");
            assertThat(stuck.at("/verification/lastError").asText()).contains("docker gone");
            assertThat(hiring.balance(client)).isEqualTo("0.990000");

            ApiClient.Reply dead = api.send(new ApiClient.Call("GET", "/api/v1/admin/job-checks/dead-lettered", "limit=50",
                    new byte[0], null, 0, null, Map.of()).header("Authorization", "Bearer " + TestSystem.OPERATOR.token()));
            assertThat(dead.status()).as(dead.body()).isEqualTo(200);
            assertThat(dead.json().get("items").findValuesAsText("jobId")).contains(job);
            assertThat(api.send(ApiClient.call("GET", "/api/v1/admin/job-checks/dead-lettered", (String) null))
                    .status()).isEqualTo(401);
            assertThat(operator("POST", "/api/v1/admin/job-checks/" + UUID.randomUUID() + "/requeue").status())
                    .isEqualTo(404);
        } finally {
            SYSTEM.checkAnswer = result -> new Vote("test-runner", Vote.Kind.PASS, "scripted", Map.of(), Duration.ZERO,
                    SYSTEM.clock.instant());
        }
        ApiClient.Reply requeued = operator("POST", "/api/v1/admin/job-checks/" + job + "/requeue");
        assertThat(requeued.status()).as(requeued.body()).isEqualTo(200);
        assertThat(requeued.json().get("state").asText()).isEqualTo("QUEUED");
        assertThat(operator("POST", "/api/v1/admin/job-checks/" + job + "/requeue").json().get("type").asText())
                .endsWith("/check-not-dead-lettered");
        SYSTEM.checks.checkDue(10);
        assertThat(job(job, client).get("status").asText()).isEqualTo("COMPLETED");
        assertThat(hiring.balance(client)).as("charged once across four tries").isEqualTo("0.990000");
    }

    private static void waitUntilDue(JsonNode verification) {
        java.time.Instant due = java.time.Instant.parse(verification.get("nextAttemptAt").asText());
        long millis = Duration.between(SYSTEM.clock.instant(), due).toMillis();
        if (millis > 0) {
            try {
                Thread.sleep(millis + 20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
