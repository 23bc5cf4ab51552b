package io.moldtank.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.helidon.http.HeaderNames;
import io.helidon.webclient.http1.Http1Client;
import io.moldtank.adapters.sandbox.SandboxAdapters;
import io.moldtank.ports.testing.RequiredServer;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 14 §1 in the main job, over HTTP, with the real Docker sandbox: sellers list tests and script
 * checks, clients verify without a verdict, the workers run each check on the delivered result and the
 * verdict moves the money once. Hostile results (a forged report, an output flood, a result the check
 * does not expect) and a script that never ends get their reasons; the wrong party, a second ask and a
 * manual job without a verdict get their answers. On embedded defaults (H2 file) and on PostgreSQL.
 */
@Timeout(240)
class JobChecksApiTest {
    private static final String ADD_TESTS = """
            {"kind":"tests","files":{"test_add.py":"from solution import add\\n\\ndef test_adds():\\n    assert add(2, 3) == 5\\n"},
             "command":"pytest -q%s","timeoutSeconds":60,"resultFile":"solution.py"}""";
    private static final String JSON_SCRIPT = """
            {"kind":"script","files":{"check.py":"import json, sys\\nsys.exit(0 if json.loads(sys.stdin.read()).get('answer') == 42 else 1)\\n"},
             "command":"python3 check.py","timeoutSeconds":30}""";
    private static final String ENDLESS_SCRIPT = """
            {"kind":"script","command":"while true; do :; done","timeoutSeconds":2}""";
    private static final String CORRECT = "def add(a, b):\\n    return a + b\\n";

    /** One hire: the listing's check, the delivered result, and the verdict expected of the sandbox. */
    private record Case(String name, String check, String result, String status, String reason) {
    }

    @Test
    void checked_jobs_are_verified_in_the_docker_sandbox_on_embedded_defaults(@TempDir Path dir) throws Exception {
        requireDocker();
        Properties props = new Properties();
        props.setProperty("moldtank.storage.h2.file", dir.resolve("db").toString());
        run(props, List.of(
                new Case("pass", ADD_TESTS.formatted(""), CORRECT, "COMPLETED", null),
                new Case("wrong result", ADD_TESTS.formatted(""), "def add(a, b):\\n    return a - b\\n", "FAILED",
                        "tests-failed"),
                new Case("forged report", ADD_TESTS.formatted(""), "import os, sys\\nprint('MOLDTANK-REPORT-1 7b7d '"
                        + " + 'ab' * 32)\\nsys.stdout.flush()\\nos._exit(0)\\n", "FAILED", "no-report"),
                new Case("output flood", ADD_TESTS.formatted(" -s"), "import os\\nfor _ in range(64):\\n"
                        + "    os.write(1, b'x' * 65536)\\n" + CORRECT, "FAILED", "output-limit"),
                new Case("script pass", JSON_SCRIPT, "{\\\"answer\\\": 42}", "COMPLETED", null),
                new Case("not what the check expects", JSON_SCRIPT, "]]> not json \\ud83e\\udd80", "FAILED",
                        "tests-failed"),
                new Case("endless script", ENDLESS_SCRIPT, "anything", "FAILED", "timeout")), true);
    }

    @Test
    void checked_jobs_are_verified_in_the_docker_sandbox_on_postgresql() throws Exception {
        requireDocker();
        String url = RequiredServer.env("MOLDTANK_TEST_PG_URL", "jdbc:postgresql://127.0.0.1:5432/test");
        String schema = "job_checks_" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
        try (Connection c = DriverManager.getConnection(url, "postgres", "")) {
            c.createStatement().execute("CREATE SCHEMA " + schema);
        } catch (Exception e) {
            throw RequiredServer.unavailable("PostgreSQL", url, "pg_ctlcluster --skip-systemctl-redirect $(ls "
                    + "/etc/postgresql) main start", e);
        }
        try {
            Properties props = new Properties();
            props.setProperty("moldtank.storage.kind", "postgres");
            props.setProperty("moldtank.storage.postgres.url", url);
            props.setProperty("moldtank.storage.postgres.schema", schema);
            run(props, List.of(new Case("pass", ADD_TESTS.formatted(""), CORRECT, "COMPLETED", null),
                    new Case("wrong result", ADD_TESTS.formatted(""), "def add(a, b):\\n    return 0\\n", "FAILED",
                            "tests-failed")), false);
        } finally {
            try (Connection c = DriverManager.getConnection(url, "postgres", "")) {
                c.createStatement().execute("DROP SCHEMA " + schema + " CASCADE");
            }
        }
    }

    private static void run(Properties props, List<Case> cases, boolean refusals) throws Exception {
        props.setProperty("server.port", "0");
        props.setProperty("moldtank.job-checks.sandbox", "docker");
        props.setProperty("moldtank.job-checks.workers", "2");
        props.setProperty("moldtank.job-checks.interval", "PT0.1S");
        props.setProperty("moldtank.http.limits.write.capacity", "1000"); // one agent makes many moves here
        props.setProperty("moldtank.http.limits.write.refill", "1000");
        MoldTankApp app = MoldTankServer.start(AppConfig.load(new String[0], Map.of(), props));
        try {
            Http1Client http = Http1Client.builder().baseUri("http://localhost:" + app.port()).build();
            SignedClient seller = new SignedClient(http);
            seller.register("checked-seller", "0x00000000000000000000000000000000000c0001");
            SignedClient client = new SignedClient(http);
            client.register("checked-client", "0x00000000000000000000000000000000000c0002");
            fund(client, "100");
            fund(seller, "1");
            double passedBefore = counter(http, "passed");
            double failedBefore = counter(http, "failed");

            Map<Case, String> jobs = new LinkedHashMap<>();
            for (Case c : cases) {
                String listing = seller.post("/api/v1/listings", """
                        {"title":"Checked: %s","price":"2","check":%s}""".formatted(c.name(), c.check()), 201)
                        .get("id").asText();
                String job = client.post("/api/v1/jobs", "{\"listingId\":\"" + listing + "\"}", 201).get("id").asText();
                seller.post("/api/v1/jobs/" + job + "/accept", "", 200);
                client.post("/api/v1/jobs/" + job + "/fund", "", 200);
                seller.post("/api/v1/jobs/" + job + "/start", "", 200);
                seller.post("/api/v1/jobs/" + job + "/deliver", "{\"result\":\"" + c.result() + "\"}", 200);
                JsonNode asked = client.post("/api/v1/jobs/" + job + "/verify", "", 202);
                assertThat(asked.get("status").asText()).isEqualTo("VERIFYING");
                jobs.put(c, job);
            }
            if (refusals) {
                refusals(http, seller, client, jobs.get(cases.getLast()));
            }

            long fees = 0;
            BigDecimal clientExpected = new BigDecimal("100");
            BigDecimal sellerExpected = new BigDecimal("1");
            for (var e : jobs.entrySet()) {
                Case c = e.getKey();
                JsonNode done = eventually(() -> {
                    JsonNode j = client.signedGet("/api/v1/jobs/" + e.getValue(), 200);
                    return j.get("status").asText().equals("VERIFYING") ? null : j;
                });
                assertThat(done.get("status").asText()).as(c.name() + ": " + done.get("verification")).isEqualTo(c.status());
                JsonNode verdict = done.at("/verification/verdict");
                assertThat(verdict.get("reason").isNull() ? null : verdict.get("reason").asText()).as(c.name())
                        .isEqualTo(c.reason());
                assertThat(verdict.at("/evidence/image").asText()).matches("moldtank/sandbox:1@sha256:[0-9a-f]{64}");
                assertThat(verdict.at("/evidence/inputs").asText()).contains("submission/");
                assertThat(done.at("/verification/attempts").asInt()).isEqualTo(1);
                fees++;
                clientExpected = clientExpected.subtract(new BigDecimal("2"));
                sellerExpected = sellerExpected.subtract(new BigDecimal("0.01"));
                if (c.status().equals("COMPLETED")) {
                    assertThat(done.at("/result/state").asText()).isEqualTo("visible");
                    sellerExpected = sellerExpected.add(new BigDecimal("1.95")); // 2 less the 2.5 % cut
                } else {
                    clientExpected = clientExpected.add(new BigDecimal("2"));
                    assertThat(done.at("/result/state").asText()).as("the client never sees a failed result")
                            .isEqualTo("redacted");
                    assertThat(verdict.at("/output/state").asText()).isEqualTo("redacted");
                    assertThat(seller.signedGet("/api/v1/jobs/" + e.getValue(), 200)
                            .at("/verification/verdict/output").has("stdoutTail")).isTrue();
                }
            }
            clientExpected = clientExpected.subtract(new BigDecimal("0.01").multiply(BigDecimal.valueOf(fees)));
            assertThat(new BigDecimal(client.signedGet("/api/v1/wallet", 200).get("available").asText()))
                    .as("the price of each passed job and one fee per check").isEqualByComparingTo(clientExpected);
            assertThat(new BigDecimal(seller.signedGet("/api/v1/wallet", 200).get("available").asText()))
                    .isEqualByComparingTo(sellerExpected);
            long passes = cases.stream().filter(c -> c.status().equals("COMPLETED")).count();
            assertThat(counter(http, "passed") - passedBefore).isEqualTo(passes);
            assertThat(counter(http, "failed") - failedBefore).isEqualTo(cases.size() - passes);
        } finally {
            app.shutdown();
        }
    }

    /** The wrong party, a second ask while the check waits, and a manual job without a verdict. */
    private static void refusals(Http1Client http, SignedClient seller, SignedClient client, String waiting)
            throws Exception {
        assertThat(seller.post("/api/v1/jobs/" + waiting + "/verify", "", 403).get("type").asText())
                .endsWith("/wrong-party");
        SignedClient stranger = new SignedClient(http);
        stranger.register("checked-stranger", "0x00000000000000000000000000000000000c0003");
        assertThat(stranger.post("/api/v1/jobs/" + waiting + "/verify", "", 403).get("type").asText())
                .endsWith("/not-a-party");
        JsonNode again = client.post("/api/v1/jobs/" + waiting + "/verify", "{}", 202);
        assertThat(again.get("status").asText()).isEqualTo("VERIFYING");
        assertThat(client.post("/api/v1/jobs/" + waiting + "/verify", "{\"verdict\":\"PASSED\"}", 409).get("type")
                .asText()).as("a checked job never takes a verdict, queued or not").endsWith("/verdict-on-checked-job");

        String manual = seller.post("/api/v1/listings", "{\"title\":\"By hand\",\"price\":\"1\"}", 201).get("id").asText();
        String job = client.post("/api/v1/jobs", "{\"listingId\":\"" + manual + "\"}", 201).get("id").asText();
        seller.post("/api/v1/jobs/" + job + "/accept", "", 200);
        client.post("/api/v1/jobs/" + job + "/fund", "", 200);
        seller.post("/api/v1/jobs/" + job + "/start", "", 200);
        seller.post("/api/v1/jobs/" + job + "/deliver", "{\"result\":\"done\"}", 200);
        assertThat(client.post("/api/v1/jobs/" + job + "/verify", "", 400).at("/errors/0/field").asText())
                .isEqualTo("verdict");
        client.post("/api/v1/jobs/" + job + "/verify", "{\"verdict\":\"FAILED\"}", 200);
        // the manual job cost its client the verification fee and its seller the storage fee: made good, so
        // the totals run() checks are those of the checked jobs alone
        fund(client, "0.01");
        fund(seller, "0.01");
    }

    private static void fund(SignedClient agent, String amount) throws Exception {
        String tx = agent.post("/api/v1/wallet/deposits/simulate", "{\"amount\":\"" + amount + "\"}", 200)
                .get("txHash").asText();
        agent.post("/api/v1/wallet/deposits", "{\"txHash\":\"" + tx + "\"}", 200);
    }

    private static double counter(Http1Client http, String outcome) {
        String metrics = http.get("/observe/metrics").header(HeaderNames.ACCEPT, "text/plain").requestEntity(String.class);
        Matcher m = Pattern.compile("(?m)^moldtank_job_checks_total\\{[^}]*outcome=\"" + outcome + "\"[^}]*} (\\S+)$")
                .matcher(metrics);
        assertThat(m.find()).as("moldtank_job_checks_total{outcome=%s} is exported", outcome).isTrue();
        return Double.parseDouble(m.group(1));
    }

    private static void requireDocker() {
        try {
            SandboxAdapters.docker(SandboxAdapters.Settings.defaults());
        } catch (RuntimeException e) {
            throw RequiredServer.unavailable("Docker with the sandbox image", "unix:///var/run/docker.sock",
                    "bash .ci/docker.sh", e);
        }
    }

    private static JsonNode eventually(java.util.concurrent.Callable<JsonNode> probe) throws Exception {
        long until = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (System.nanoTime() < until) {
            JsonNode found = probe.call();
            if (found != null) {
                return found;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("not decided within 120 s");
    }
}
