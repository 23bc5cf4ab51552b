package io.moldtank.app.scraper;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.helidon.http.HeaderNames;
import io.helidon.webclient.http1.Http1Client;
import io.helidon.webclient.http1.Http1ClientResponse;
import io.moldtank.app.AppConfig;
import io.moldtank.app.MoldTankApp;
import io.moldtank.app.MoldTankServer;
import io.moldtank.ports.testing.RequiredServer;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The scraper in the main job against a local Moltbook: review and auto modes end to end through the
 * operator API, and two nodes on one PostgreSQL at the same slot making one run and one set of drafts.
 */
@Timeout(120)
class ScraperAppTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TOKEN = "scraper-operator-token-0123456789abcdef";

    private FakeMoltbook moltbook;
    private final List<MoldTankApp> apps = new ArrayList<>();

    @BeforeEach
    void moltbook() throws Exception {
        moltbook = new FakeMoltbook();
        Instant now = Instant.now();
        moltbook.add(new FakeMoltbook.Post("p1", "Tool idea", "someone should build a prompt linter for agents", 40, 6,
                now.minus(Duration.ofHours(2))));
        moltbook.add(new FakeMoltbook.Post("p2", "Wish", "I wish there was a shared clipboard for agents and people", 9,
                1, now.minus(Duration.ofHours(3))));
        moltbook.add(new FakeMoltbook.Post("p3", "Hi", "good morning, nothing to see", 300, 30,
                now.minus(Duration.ofHours(1))));
        moltbook.add(new FakeMoltbook.Post("p4", "<b>Bounty idea</b>", "bounty idea: a JSON diff <script>x</script>", 2,
                0, now.minus(Duration.ofHours(5))));
    }

    @AfterEach
    void stop() {
        apps.forEach(MoldTankApp::shutdown);
        moltbook.close();
    }

    private MoldTankApp start(Map<String, String> settings) {
        Properties props = new Properties();
        props.setProperty("server.port", "0");
        props.setProperty("moldtank.operator.token", TOKEN);
        props.setProperty("moldtank.scraper.api-key", FakeMoltbook.KEY);
        props.setProperty("moldtank.scraper.base-url", moltbook.baseUrl());
        props.putAll(settings);
        MoldTankApp app = MoldTankServer.start(AppConfig.load(new String[0], Map.of(), props));
        apps.add(app);
        return app;
    }

    private static JsonNode call(MoldTankApp app, String method, String path, String body, int status) throws Exception {
        Http1Client client = Http1Client.builder().baseUri("http://localhost:" + app.port()).build();
        String[] pathAndQuery = path.split("\\?", 2);
        var req = client.method(io.helidon.http.Method.create(method)).path(pathAndQuery[0])
                .header(HeaderNames.AUTHORIZATION, "Bearer " + TOKEN);
        if (pathAndQuery.length == 2) {
            for (String kv : pathAndQuery[1].split("&")) {
                String[] p = kv.split("=", 2);
                req.queryParam(p[0], p[1]);
            }
        }
        try (Http1ClientResponse r = body == null ? req.request()
                : req.header(HeaderNames.CONTENT_TYPE, "application/json").submit(body)) {
            String text = r.as(String.class);
            assertThat(r.status().code()).as("%s %s: %s", method, path, text).isEqualTo(status);
            return JSON.readTree(text);
        }
    }

    /** The run at start is asynchronous: wait until a run is recorded. */
    private static JsonNode runs(MoldTankApp app) throws Exception {
        for (int i = 0; i < 100; i++) {
            JsonNode runs = call(app, "GET", "/api/v1/admin/scraper/runs", null, 200).path("items");
            if (runs.size() > 0) {
                return runs;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no scraper run within 10 s of start");
    }

    @Test
    void review_mode_drafts_the_wishes_at_start_and_an_operator_approves_one_into_a_draft_bounty_and_rejects_one(
            @TempDir Path dir) throws Exception {
        MoldTankApp app = start(Map.of("moldtank.storage.h2.file", dir.resolve("db").toString()));
        JsonNode run = runs(app).get(0);
        assertThat(run.path("outcome").asText()).isEqualTo("OK");
        assertThat(run.path("postsSeen").asInt()).isEqualTo(4);
        assertThat(run.path("draftsCreated").asInt()).isEqualTo(3);
        assertThat(moltbook.unauthorized.get()).isZero();

        JsonNode drafts = call(app, "GET", "/api/v1/admin/drafts?status=PENDING", null, 200).path("items");
        assertThat(drafts).hasSize(3);
        assertThat(drafts.findValuesAsText("sourcePostId")).containsExactlyInAnyOrder("p1", "p2", "p4")
                .as("chatter is not a wish").doesNotContain("p3");
        JsonNode p4 = drafts.findParents("sourcePostId").stream().filter(d -> d.path("sourcePostId").asText().equals("p4"))
                .findFirst().orElseThrow();
        assertThat(p4.path("description").asText()).doesNotContain("<script>").contains("&lt;script&gt;");
        assertThat(p4.path("sourceUrl").asText()).endsWith("/post/p4");

        String first = drafts.get(0).path("id").asText();
        JsonNode approved = call(app, "POST", "/api/v1/admin/drafts/" + first + "/approval", """
                {"reward":"7.5","acceptance":{"kind":"tests","files":{"test_it.py":"def test_it():\\n    assert True\\n"},
                 "command":"python3 -m pytest -q"}}""", 200);
        assertThat(approved.path("status").asText()).isEqualTo("APPROVED");
        JsonNode bounty = JSON.readTree(Http1Client.builder().baseUri("http://localhost:" + app.port()).build()
                .get("/api/v1/bounties/" + approved.path("bountyId").asText()).requestEntity(String.class));
        assertThat(bounty.path("status").asText()).isEqualTo("DRAFT");
        assertThat(bounty.path("reward").asText()).isEqualTo("7.500000");

        call(app, "POST", "/api/v1/admin/drafts/" + first + "/rejection", "{\"note\":\"too late\"}", 409);
        String second = drafts.get(1).path("id").asText();
        call(app, "POST", "/api/v1/admin/drafts/" + second + "/rejection", "{\"note\":\"\"}", 400);
        assertThat(call(app, "POST", "/api/v1/admin/drafts/" + second + "/rejection", "{\"note\":\"not a wish\"}", 200)
                .path("status").asText()).isEqualTo("REJECTED");
        call(app, "POST", "/api/v1/admin/drafts/" + second + "/approval", "{\"reward\":\"-3\"}", 400);

        JsonNode again = call(app, "POST", "/api/v1/admin/scraper/runs", null, 200);
        assertThat(again.path("draftsCreated").asInt()).as("nothing new past the mark").isZero();
        assertThat(call(app, "GET", "/api/v1/admin/drafts?status=PENDING", null, 200).path("items")).hasSize(1);
    }

    @Test
    void auto_mode_posts_and_funds_drafts_within_the_days_budget(@TempDir Path dir) throws Exception {
        MoldTankApp app = start(Map.of("moldtank.storage.h2.file", dir.resolve("db").toString(),
                "moldtank.scraper.mode", "auto", "moldtank.scraper.daily-budget", "20"));
        JsonNode run = runs(app).get(0);
        JsonNode posted = call(app, "GET", "/api/v1/admin/drafts?status=POSTED", null, 200).path("items");
        assertThat(posted.size()).as("%s", run).isBetween(1, 2);
        for (JsonNode d : posted) {
            JsonNode bounty = JSON.readTree(Http1Client.builder().baseUri("http://localhost:" + app.port()).build()
                    .get("/api/v1/bounties/" + d.path("bountyId").asText()).requestEntity(String.class));
            assertThat(bounty.path("status").asText()).as("funded on the mock chain").isEqualTo("OPEN");
        }
        double spent = 0;
        for (JsonNode d : posted) {
            spent += Double.parseDouble(d.path("reward").asText()); // a sum for the assertion, not money handling
        }
        assertThat(spent).isLessThanOrEqualTo(20.0);
        assertThat(call(app, "GET", "/api/v1/admin/drafts?status=PENDING", null, 200).path("items").size())
                .as("what the budget did not cover waits for a person").isEqualTo(3 - posted.size());
    }

    @Test
    void two_nodes_on_one_postgresql_at_the_same_slot_make_one_run_and_one_set_of_drafts() throws Exception {
        String url = RequiredServer.env("MOLDTANK_TEST_PG_URL", "jdbc:postgresql://127.0.0.1:5432/test");
        String schema = "scraper_app_" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
        try (Connection c = DriverManager.getConnection(url, "postgres", "")) {
            c.createStatement().execute("CREATE SCHEMA " + schema);
        } catch (java.sql.SQLException e) {
            throw RequiredServer.unavailable("PostgreSQL", url, "pg_ctlcluster ... main start", e);
        }
        try {
            Map<String, String> pg = Map.of("moldtank.storage.kind", "postgres", "moldtank.storage.postgres.url", url,
                    "moldtank.storage.postgres.schema", schema);
            var a = CompletableFuture.supplyAsync(() -> start(pg));
            var b = CompletableFuture.supplyAsync(() -> start(pg));
            MoldTankApp first = a.get();
            MoldTankApp second = b.get();
            runs(first);
            Thread.sleep(1500); // let the slower node try the slot too
            JsonNode runs = call(second, "GET", "/api/v1/admin/scraper/runs", null, 200).path("items");
            assertThat(runs).as("one run of the slot across both nodes").hasSize(1);
            assertThat(call(first, "GET", "/api/v1/admin/drafts", null, 200).path("items")).hasSize(3);
            assertThat(moltbook.requests.get()).as("Moltbook read once").isEqualTo(1);
        } finally {
            apps.forEach(MoldTankApp::shutdown);
            apps.clear();
            try (Connection c = DriverManager.getConnection(url, "postgres", "")) {
                c.createStatement().execute("DROP SCHEMA " + schema + " CASCADE");
            }
        }
    }
}
