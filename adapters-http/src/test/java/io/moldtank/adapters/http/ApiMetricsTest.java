package io.moldtank.adapters.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.helidon.http.HeaderNames;
import io.helidon.webclient.http1.Http1Client;
import io.helidon.webclient.http1.Http1ClientResponse;
import io.helidon.webserver.WebServerConfig;
import io.helidon.webserver.testing.junit5.ServerTest;
import io.helidon.webserver.testing.junit5.SetUpServer;
import org.junit.jupiter.api.Test;

/** API latency reaches Prometheus as one histogram per route family, with ids folded away. */
@ServerTest
class ApiMetricsTest {
    static final TestSystem SYSTEM = new TestSystem();
    private final Http1Client client;
    private final ApiClient api;

    ApiMetricsTest(Http1Client client) {
        this.client = client;
        this.api = new ApiClient(client);
    }

    @SetUpServer
    static void server(WebServerConfig.Builder server) {
        SYSTEM.serveWithMetrics(server);
    }

    @Test
    void requests_are_timed_per_route_family_and_unknown_paths_fold_into_other() {
        api.get("/api/v1/bounties");
        api.get("/api/v1/bounties/00000000-0000-0000-0000-000000000123");
        api.get("/api/v1/no/such/route/" + System.nanoTime());
        api.get("/api/v1/submissions/00000000-0000-0000-0000-000000000124?wait=1");
        String text;
        try (Http1ClientResponse r = client.get("/observe/metrics").header(HeaderNames.ACCEPT, "text/plain").request()) {
            text = r.as(String.class);
        }
        assertThat(text).contains("moldtank_api_request_seconds_bucket");
        assertThat(text).containsPattern("moldtank_api_request_seconds_count\\{[^}]*route=\"/api/v1/bounties\"");
        assertThat(text).containsPattern("route=\"/api/v1/bounties/\\{id\\}\"[^}]*status=\"4xx\"");
        assertThat(text).containsPattern("route=\"other\"");
        // held reads are timed apart, so they do not pass for slow answers
        assertThat(text).containsPattern("route=\"/api/v1/submissions/\\{id\\}\\?wait\"");
        assertThat(text).doesNotContain("00000000-0000-0000-0000-000000000123");
    }
}
