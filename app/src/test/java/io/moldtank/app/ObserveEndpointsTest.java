package io.moldtank.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.helidon.health.HealthCheckResponse;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webclient.http1.Http1Client;
import io.helidon.webclient.http1.Http1ClientResponse;
import io.helidon.webserver.WebServerConfig;
import io.helidon.webserver.testing.junit5.ServerTest;
import io.helidon.webserver.testing.junit5.SetUpServer;
import io.moldtank.app.wiring.Wiring;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

/** The observability endpoints, over a real socket, set up exactly as {@link Main} sets them up. */
@ServerTest
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class ObserveEndpointsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Stands for a dependency an adapter would report on (a database, a queue). */
    private static final AtomicBoolean DEPENDENCY_UP = new AtomicBoolean(true);

    private final Http1Client client;

    ObserveEndpointsTest(Http1Client client) {
        this.client = client;
    }

    @SetUpServer
    static void server(WebServerConfig.Builder server) {
        Wiring wiring = Wiring.with(Clock.fixed(Instant.EPOCH, ZoneOffset.UTC), UUID::randomUUID);
        wiring.addReadinessCheck("test-dependency",
                () -> HealthCheckResponse.builder().status(DEPENDENCY_UP.get()).build());
        MoldTankServer.setup(server, AppConfig.load(new String[0], Map.of(), new Properties()), wiring);
        server.port(0);
    }

    @AfterEach
    void dependencyBackUp() {
        DEPENDENCY_UP.set(true);
    }

    @Test
    void livenessAnswers200WithJsonStatusUp() throws Exception {
        try (Http1ClientResponse response = client.get("/observe/health/live").request()) {
            assertThat(response.status()).isEqualTo(Status.OK_200);
            assertThat(response.headers().contentType()).hasValueSatisfying(
                    type -> assertThat(type.mediaType().text()).isEqualTo("application/json"));
            assertThat(JSON.readTree(response.as(String.class)).path("status").asText()).isEqualTo("UP");
        }
    }

    @Test
    void readinessAnswers200AndListsTheChecksContributedThroughTheWiring() throws Exception {
        try (Http1ClientResponse response = client.get("/observe/health/ready").request()) {
            assertThat(response.status()).isEqualTo(Status.OK_200);
            JsonNode body = JSON.readTree(response.as(String.class));
            assertThat(body.path("status").asText()).isEqualTo("UP");
            assertThat(body.path("checks").findValuesAsText("name")).containsExactly("test-dependency");
        }
    }

    @Test
    void readinessAnswers503WhenAContributedCheckIsDownWhileLivenessStaysUp() throws Exception {
        DEPENDENCY_UP.set(false);
        try (Http1ClientResponse response = client.get("/observe/health/ready").request()) {
            assertThat(response.status()).isEqualTo(Status.SERVICE_UNAVAILABLE_503);
            assertThat(JSON.readTree(response.as(String.class)).path("status").asText()).isEqualTo("DOWN");
        }
        try (Http1ClientResponse response = client.get("/observe/health/live").request()) {
            assertThat(response.status()).isEqualTo(Status.OK_200);
        }
    }

    @Test
    void metricsEndpointServesPrometheusTextWithTheBuildInfoGauge() {
        try (Http1ClientResponse response = client.get("/observe/metrics")
                .header(HeaderNames.ACCEPT, "text/plain")
                .request()) {
            assertThat(response.status()).isEqualTo(Status.OK_200);
            assertThat(response.headers().contentType()).hasValueSatisfying(
                    type -> assertThat(type.mediaType().text()).isEqualTo("text/plain"));
            String text = response.as(String.class);
            assertThat(text).contains("# TYPE moldtank_build_info gauge");
            assertThat(text).containsPattern("(?m)^moldtank_build_info\\{.*version=\"" 
                    + java.util.regex.Pattern.quote(BuildInfo.version()) + "\".*} 1\\.0$");
        }
    }

    @Test
    void theBuildVersionComesFromTheFilteredBuildProperties() {
        assertThat(BuildInfo.version()).isNotBlank().isNotEqualTo("unknown").doesNotContain("${");
    }
}
