package io.moldtank.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.helidon.webclient.http1.Http1Client;
import io.helidon.webclient.http1.Http1ClientRequest;
import io.helidon.webclient.http1.Http1ClientResponse;
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
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Discovery by text in the main job, on the embedded H2 file and on PostgreSQL, with the same answers:
 * relevance, price and reputation orders, the reputation filter, cursor paging, bounties by text.
 */
@Timeout(120)
class DiscoveryApiTest {

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void listings_and_bounties_are_found_by_text_filtered_by_reputation_and_paged(String storage, @TempDir Path dir)
            throws Exception {
        Properties props = props(dir);
        String schema = storage.equals("postgres") ? postgres(props) : null;
        MoldTankApp app = MoldTankServer.start(AppConfig.load(new String[0], Map.of(), props));
        try {
            Http1Client http = Http1Client.builder().baseUri("http://localhost:" + app.port()).build();
            SignedClient alpha = new SignedClient(http);
            alpha.register("alpha", "0x00000000000000000000000000000000000e0001");
            SignedClient beta = new SignedClient(http);
            beta.register("beta", "0x00000000000000000000000000000000000e0002");
            SignedClient client = new SignedClient(http);
            client.register("client", "0x00000000000000000000000000000000000e0003");
            Hiring.fund(alpha, "1");
            Hiring.fund(client, "200");
            String scraping = Hiring.listing(alpha, """
                    {"title":"Python scraping service","description":"I scrape websites with python","price":"5",
                     "tags":["python","scraping"]}""");
            String cleaning = Hiring.listing(beta, """
                    {"title":"Data cleaning","description":"spreadsheets; python scraping on request","price":"3"}""");
            String tutoring = Hiring.listing(beta, "{\"title\":\"Python tutoring\",\"price\":\"1\",\"tags\":[\"python\"]}");
            Hiring.review(client, Hiring.job(client, alpha, scraping, "PASSED"), 5);

            JsonNode found = get(http, Map.of("q", "python scraping"), 200);
            assertThat(ids(found)).containsExactly(scraping, cleaning);
            assertThat(found.at("/items/0/relevance").floatValue()).isGreaterThan(found.at("/items/1/relevance").floatValue());
            assertThat(found.at("/items/0/sellerReputation").asInt()).isGreaterThan(found.at("/items/1/sellerReputation").asInt());
            assertThat(ids(get(http, Map.of("q", "python", "sort", "price"), 200)))
                    .containsExactly(tutoring, cleaning, scraping);
            assertThat(ids(get(http, Map.of("q", "python", "sort", "reputation"), 200)).getFirst()).isEqualTo(scraping);
            assertThat(ids(get(http, Map.of("minReputation", "26"), 200))).containsExactly(scraping);
            assertThat(ids(get(http, Map.of("q", "python -scraping"), 200))).containsExactly(tutoring);

            List<String> paged = new ArrayList<>();
            String after = null;
            do {
                JsonNode page = get(http, after == null ? Map.of("q", "python", "limit", "1")
                        : Map.of("q", "python", "limit", "1", "after", after), 200);
                paged.addAll(ids(page));
                after = page.get("next").isNull() ? null : page.get("next").asText();
            } while (after != null);
            assertThat(paged).containsExactlyElementsOf(ids(get(http, Map.of("q", "python"), 200)));

            String bounty = client.post("/api/v1/bounties", """
                    {"title":"Write a Python scraper","description":"with tests","reward":"10","deadline":"%s",
                     "tags":["python"],"acceptance":{"kind":"rubric","rubric":"it scrapes"}}"""
                    .formatted(Instant.now().plus(Duration.ofDays(2))), 201).get("id").asText();
            client.post("/api/v1/bounties", """
                    {"title":"A haiku","description":"about coins","reward":"2","deadline":"%s",
                     "acceptance":{"kind":"rubric","rubric":"five seven five"}}"""
                    .formatted(Instant.now().plus(Duration.ofDays(2))), 201);
            JsonNode bounties = get(http, "/api/v1/bounties", Map.of("q", "python scraper"), 200);
            assertThat(ids(bounties)).containsExactly(bounty);
            assertThat(bounties.at("/items/0/relevance").floatValue()).isPositive();
            assertThat(ids(get(http, "/api/v1/bounties", Map.of("q", "python", "status", "OPEN"), 200))).isEmpty();
            assertThat(Hiring.metric(http, "moldtank_discovery_queries_total", "target=\"listings\"")).isGreaterThan(5);
            assertThat(Hiring.metric(http, "moldtank_discovery_queries_total", "target=\"bounties\"")).isGreaterThan(1);
        } finally {
            app.shutdown();
            if (schema != null) {
                try (Connection c = DriverManager.getConnection(props.getProperty("moldtank.storage.postgres.url"),
                        "postgres", "")) {
                    c.createStatement().execute("DROP SCHEMA " + schema + " CASCADE");
                }
            }
        }
    }

    /** Hostile and malformed queries: a 400 problem+json naming the reason, never a 5xx, nothing found by accident. */
    @Test
    void a_query_both_engines_could_read_differently_or_a_broken_parameter_is_a_problem(@TempDir Path dir)
            throws Exception {
        MoldTankApp app = MoldTankServer.start(AppConfig.load(new String[0], Map.of(), props(dir)));
        try {
            Http1Client http = Http1Client.builder().baseUri("http://localhost:" + app.port()).build();
            for (String q : List.of("", "the", "a".repeat(201), "python\"", "'; DROP TABLE listings; --", "x & y",
                    "<script>alert(1)</script>", "python or", "-python", "\u0000", "web--scraping", "x-1",
                    "w ".repeat(17), "\ud800", "%", "python:*", "python | java", "!python")) {
                problem(http, "/api/v1/discover", Map.of("q", q), "search-query-invalid");
                problem(http, "/api/v1/bounties", Map.of("q", q), "search-query-invalid");
            }
            problem(http, "/api/v1/discover", Map.of("sort", "relevance"), "invalid-input");
            problem(http, "/api/v1/discover", Map.of("sort", "cheapest"), "invalid-input");
            problem(http, "/api/v1/discover", Map.of("minReputation", "101"), "invalid-input");
            problem(http, "/api/v1/discover", Map.of("minReputation", "-1"), "invalid-input");
            problem(http, "/api/v1/discover", Map.of("q", "python", "after", "bm90IG91cnM"), "invalid-input");
            problem(http, "/api/v1/discover", Map.of("q", "python", "limit", "0"), "invalid-input");
            problem(http, "/api/v1/bounties", Map.of("q", "python", "sort", "price"), "invalid-input");
            try (Http1ClientResponse res = http.get("/api/v1/discover").queryParam("q", "python", "java").request()) {
                assertThat(res.status().code()).isEqualTo(400);
                assertThat(res.as(String.class)).contains("search-query-invalid");
            }
        } finally {
            app.shutdown();
        }
    }

    private static Properties props(Path dir) {
        Properties props = new Properties();
        props.setProperty("server.port", "0");
        props.setProperty("moldtank.storage.h2.file", dir.resolve("db").toString());
        props.setProperty("moldtank.workers.validation", "0");
        props.setProperty("moldtank.http.limits.discovery.capacity", "1000");
        return props;
    }

    /** Points the main job at a fresh schema of the test PostgreSQL; returns the schema. */
    private static String postgres(Properties props) {
        String url = RequiredServer.env("MOLDTANK_TEST_PG_URL", "jdbc:postgresql://127.0.0.1:5432/test");
        String schema = "discovery_" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
        try (Connection c = DriverManager.getConnection(url, "postgres", "")) {
            c.createStatement().execute("CREATE SCHEMA " + schema);
        } catch (Exception e) {
            throw RequiredServer.unavailable("PostgreSQL", url, "pg_ctlcluster ... main start", e);
        }
        props.setProperty("moldtank.storage.kind", "postgres");
        props.setProperty("moldtank.storage.postgres.url", url);
        props.setProperty("moldtank.storage.postgres.schema", schema);
        return schema;
    }

    private static JsonNode get(Http1Client http, Map<String, String> query, int status) throws Exception {
        return get(http, "/api/v1/discover", query, status);
    }

    private static JsonNode get(Http1Client http, String path, Map<String, String> query, int status) throws Exception {
        Http1ClientRequest req = http.get(path);
        query.forEach(req::queryParam);
        try (Http1ClientResponse res = req.request()) {
            String body = res.as(String.class);
            assertThat(res.status().code()).as("%s %s: %s", path, query, body).isEqualTo(status);
            return SignedClient.JSON.readTree(body);
        }
    }

    private static void problem(Http1Client http, String path, Map<String, String> query, String type) throws Exception {
        Http1ClientRequest req = http.get(path);
        query.forEach(req::queryParam);
        try (Http1ClientResponse res = req.request()) {
            String body = res.as(String.class);
            assertThat(res.status().code()).as("%s %s: %s", path, query, body).isEqualTo(400);
            assertThat(res.headers().contentType().orElseThrow().text()).startsWith("application/problem+json");
            assertThat(SignedClient.JSON.readTree(body).get("type").asText()).as("%s %s", path, query).endsWith("/" + type);
        }
    }

    private static List<String> ids(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.get("items").forEach(i -> ids.add(i.get("id").asText()));
        return ids;
    }
}
