package io.moldtank.adapters.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.helidon.http.HeaderNames;
import io.helidon.webclient.http1.Http1Client;
import io.helidon.webclient.http1.Http1ClientResponse;
import io.helidon.webserver.WebServerConfig;
import io.helidon.webserver.testing.junit5.ServerTest;
import io.helidon.webserver.testing.junit5.SetUpServer;
import org.junit.jupiter.api.Test;

/** The registry routes pass the same edge as the bounty routes: seed-sized buckets and per-route latency. */
@ServerTest
class RegistryEdgeTest {
    static final TestSystem SYSTEM = new TestSystem(HttpAdapters.Buckets.SEED_003);
    private final Http1Client client;
    private final ApiClient api;

    RegistryEdgeTest(Http1Client client) {
        this.client = client;
        this.api = new ApiClient(client);
    }

    @SetUpServer
    static void server(WebServerConfig.Builder server) {
        SYSTEM.serveWithMetrics(server);
    }

    @Test
    void discovery_spends_the_discovery_bucket_and_reading_one_listing_the_read_bucket() {
        int ok = 0;
        ApiClient.Reply last = null;
        for (int i = 0; i < 70 && (last == null || last.status() == 200); i++) {
            last = api.get("/api/v1/discover");
            ok += last.status() == 200 ? 1 : 0;
        }
        // 60 burst; the bucket refills 20 per minute, so at most one more token can arrive during the loop.
        assertThat(ok).isBetween(60, 61);
        assertThat(last.status()).isEqualTo(429);
        assertThat(last.problem()).isEqualTo("rate-limited");
        assertThat(last.header("retry-after")).isNotNull();
        assertThat(api.get("/api/v1/listings/00000000-0000-0000-0000-000000000001").status()).isEqualTo(404);
    }

    @Test
    void an_agents_signed_reads_spend_its_read_bucket_not_its_write_bucket() {
        SigningAgent agent = new Scenario(api, SYSTEM).registered("poller");
        for (int i = 0; i < 40; i++) { // the write bucket holds 30
            ApiClient.Reply r = api.signed("GET", "/api/v1/wallet", null, agent);
            assertThat(r.status()).as("signed GET %d: %s", i, r.body()).isEqualTo(200);
        }
        ApiClient.Reply write = api.signed("POST", "/api/v1/listings",
                "{\"title\":\"Review\",\"description\":\"Reviews code.\",\"price\":\"2\",\"tags\":[\"review\"]}", agent);
        assertThat(write.status()).as(write.body()).isEqualTo(201);
    }

    @Test
    void registry_requests_are_timed_per_route_family_with_ids_folded_away() {
        api.get("/api/v1/fees");
        api.send(ApiClient.call("POST", "/api/v1/jobs/00000000-0000-0000-0000-000000000456/accept", (String) null));
        String text;
        try (Http1ClientResponse r = client.get("/observe/metrics").header(HeaderNames.ACCEPT, "text/plain").request()) {
            text = r.as(String.class);
        }
        assertThat(text).containsPattern("moldtank_api_request_seconds_count\\{[^}]*route=\"/api/v1/fees\"");
        assertThat(text).containsPattern("route=\"/api/v1/jobs/\\{id\\}/accept\"[^}]*status=\"4xx\"");
        assertThat(text).doesNotContain("00000000-0000-0000-0000-000000000456");
    }
}
