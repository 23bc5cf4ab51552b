package io.moldtank.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.helidon.http.HeaderNames;
import io.helidon.webclient.http1.Http1Client;
import io.moldtank.app.wiring.Marketplace;
import io.moldtank.app.wiring.Wiring;
import io.moldtank.ports.memory.InMemoryEscrow;
import io.moldtank.ports.testing.RequiredServer;
import java.io.File;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The browser suite: the main job on a fresh PostgreSQL schema, with a parked payout (the mock chain
 * refuses five releases), a dead letter (the judge is down for it), an open bounty with markup in its
 * title and one to watch live; then Playwright drives Debian's Chromium through the console
 * (app/src/test/console/console.spec.js). Without Chromium or the npm packages (.ci/console.sh installs
 * them) it fails in CI and is skipped, loudly, elsewhere.
 */
@Timeout(600)
class ConsoleBrowserTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TOKEN = OperatorApiTest.TOKEN;
    private static final Path SUITE = Path.of("src/test/console");
    private static final String XSS_TITLE = "<img src=x onerror=\"window.__xss=1\"><script>window.__xss=1</script>";

    @Test
    void an_operator_runs_moldtank_from_the_console_in_chromium() throws Exception {
        String chromium = System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium");
        requireTool(new File(chromium).canExecute(), "Chromium at " + chromium + " (apt-get install chromium)");
        requireTool(Files.isDirectory(SUITE.resolve("node_modules/@playwright/test")),
                "the Playwright npm packages in " + SUITE + " (bash .ci/console.sh)");
        AtomicBoolean judgeDown = new AtomicBoolean(false);
        HttpServer judge = judge(judgeDown);
        String url = RequiredServer.env("MOLDTANK_TEST_PG_URL", "jdbc:postgresql://127.0.0.1:5432/test");
        String schema = "console_" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
        try (Connection c = DriverManager.getConnection(url, "postgres", "")) {
            c.createStatement().execute("CREATE SCHEMA " + schema);
        } catch (Exception e) {
            throw RequiredServer.unavailable("PostgreSQL", url, "pg_ctlcluster ... main start", e);
        }
        Wiring wiring = Wiring.withSystemDefaults();
        Properties props = new Properties();
        props.setProperty("server.port", "0");
        props.setProperty("server.host", "127.0.0.1");
        props.setProperty("moldtank.storage.kind", "postgres");
        props.setProperty("moldtank.storage.postgres.url", url);
        props.setProperty("moldtank.storage.postgres.schema", schema);
        props.setProperty("moldtank.operator.token", TOKEN);
        props.setProperty("moldtank.operator.name", "night-shift");
        props.setProperty("moldtank.validation.max-attempts", "1");
        props.setProperty("moldtank.validation.retry-delay", "PT0.1S");
        props.setProperty("moldtank.workers.payout-interval", "PT0.05S");
        props.setProperty("moldtank.validators.0.kind", "openai-compatible");
        props.setProperty("moldtank.validators.0.base-url", "http://127.0.0.1:" + judge.getAddress().getPort());
        props.setProperty("moldtank.validators.0.model", "local");
        var config = AppConfig.load(new String[0], Map.of(), props);
        Marketplace.wire(config, wiring);
        MoldTankApp app = MoldTankServer.start(config, wiring);
        HttpServer control = null;
        try {
            String base = "http://127.0.0.1:" + app.port();
            Http1Client http = Http1Client.builder().baseUri(base).build();
            SignedClient poster = new SignedClient(http);
            poster.register("night poster", "0x00000000000000000000000000000000000d0001");
            SignedClient solver = new SignedClient(http);
            String solverId = solver.register("night solver", "0x00000000000000000000000000000000000d0002");
            Map<String, String> scenario = new LinkedHashMap<>();
            scenario.put("solver", solverId);

            wiring.find(InMemoryEscrow.class).orElseThrow().failNextReleases(5);
            String parked = open(poster, "Parked payout bounty");
            solver.post("/api/v1/bounties/" + parked + "/submissions", "{\"files\":{\"a.txt\":\"a fine answer\"}}", 201);
            scenario.put("parkedBounty", parked);

            judgeDown.set(true);
            String dead = open(poster, "Dead letter bounty");
            scenario.put("deadLetter", solver.post("/api/v1/bounties/" + dead + "/submissions",
                    "{\"files\":{\"a.txt\":\"UNDECIDABLE\"}}", 201).get("id").asText());
            scenario.put("deadLetterBounty", dead);
            scenario.put("xssBounty", open(poster, XSS_TITLE));
            scenario.put("xssTitle", XSS_TITLE);
            String live = open(poster, "Live board bounty");
            scenario.put("liveBounty", live);
            await(() -> admin(http, "/api/v1/admin/submissions/dead-lettered").path("items").size() == 1);
            judgeDown.set(false);
            await(() -> admin(http, "/api/v1/admin/payouts/parked").path("items").size() == 1); // 1+2+4+8+16 s
            scenario.put("parkedPayout", admin(http, "/api/v1/admin/payouts/parked").path("items").get(0)
                    .path("id").asText());
            control = control(solver, live);

            ProcessBuilder pb = new ProcessBuilder("node", "node_modules/@playwright/test/cli.js", "test")
                    .directory(SUITE.toFile()).redirectErrorStream(true)
                    .redirectOutput(Path.of("target/console-playwright.log").toFile());
            pb.environment().put("MOLDTANK_URL", "http://localhost:" + app.port());
            pb.environment().put("MOLDTANK_TOKEN", TOKEN);
            pb.environment().put("CONTROL_URL", "http://127.0.0.1:" + control.getAddress().getPort());
            pb.environment().put("SCENARIO", JSON.writeValueAsString(scenario));
            pb.environment().put("CHROMIUM", chromium);
            Process p = pb.start();
            boolean ended = p.waitFor(8, TimeUnit.MINUTES);
            String log = Files.readString(Path.of("target/console-playwright.log"));
            System.out.println(log);
            if (!ended) {
                p.destroyForcibly();
            }
            assertThat(ended).as("playwright ended in time").isTrue();
            assertThat(p.exitValue()).as("playwright: %s", log).isZero();
            assertThat(log).containsPattern("\\d+ passed");
        } finally {
            if (control != null) {
                control.stop(0);
            }
            app.shutdown();
            judge.stop(0);
            try (Connection c = DriverManager.getConnection(url, "postgres", "")) {
                c.createStatement().execute("DROP SCHEMA " + schema + " CASCADE");
            }
        }
    }

    private static void requireTool(boolean present, String what) {
        if (present) {
            return;
        }
        String message = "console browser suite NOT RUN: missing " + what;
        if ("true".equals(System.getenv("CI"))) {
            throw new AssertionError(message);
        }
        System.err.println("*** " + message + " ***");
        Assumptions.abort(message);
    }

    /** A bounty with this title, deposited and OPEN; returns its id. */
    private static String open(SignedClient poster, String title) throws Exception {
        String id = poster.post("/api/v1/bounties", """
                {"title":%s,"description":"for the console","reward":"5","deadline":"%s",
                 "acceptance":{"kind":"rubric","rubric":"any honest answer"}}""".formatted(
                JSON.writeValueAsString(title), Instant.now().plus(Duration.ofDays(1))), 201).get("id").asText();
        poster.post("/api/v1/bounties/" + id + "/deposit", "", 200);
        String tx = poster.post("/api/v1/bounties/" + id + "/deposit/simulate", "", 200).get("txHash").asText();
        poster.post("/api/v1/bounties/" + id + "/deposit/confirm", "{\"txHash\":\"" + tx + "\"}", 200);
        return id;
    }

    private static JsonNode admin(Http1Client http, String path) throws Exception {
        return JSON.readTree(http.get(path).header(HeaderNames.AUTHORIZATION, "Bearer " + TOKEN)
                .requestEntity(String.class));
    }

    private interface Check {
        boolean ok() throws Exception;
    }

    private static void await(Check check) throws Exception {
        long end = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (!check.ok()) {
            assertThat(System.nanoTime()).as("condition within 90 s").isLessThan(end);
            Thread.sleep(200);
        }
    }

    /** The judge: a pass, or a server error for "UNDECIDABLE" while it is down. */
    private static HttpServer judge(AtomicBoolean down) throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        HttpServer pass = LocalJudge.start();
        server.createContext("/v1/chat/completions", ex -> {
            String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            if (down.get() && body.contains("UNDECIDABLE")) {
                ex.sendResponseHeaders(500, -1);
                ex.close();
                return;
            }
            var req = java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:"
                    + pass.getAddress().getPort() + "/v1/chat/completions")).POST(
                    java.net.http.HttpRequest.BodyPublishers.ofString(body)).build();
            try (var client = java.net.http.HttpClient.newHttpClient()) {
                byte[] answer = client.send(req, java.net.http.HttpResponse.BodyHandlers.ofByteArray()).body();
                ex.getResponseHeaders().add("content-type", "application/json");
                ex.sendResponseHeaders(200, answer.length);
                ex.getResponseBody().write(answer);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                ex.sendResponseHeaders(500, -1);
            }
            ex.close();
        });
        server.start();
        return server;
    }

    /** POST /submit makes the solver submit to the live bounty, so the board has an event to show. */
    private static HttpServer control(SignedClient solver, String live) throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/submit", ex -> {
            int status = 200;
            try {
                solver.post("/api/v1/bounties/" + live + "/submissions", "{\"files\":{\"a.txt\":\"live "
                        + System.nanoTime() + "\"}}", 201);
            } catch (Exception | AssertionError e) {
                status = 500;
            }
            ex.sendResponseHeaders(status, -1);
            ex.close();
        });
        server.start();
        return server;
    }
}
