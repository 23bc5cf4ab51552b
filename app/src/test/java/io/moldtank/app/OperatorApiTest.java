package io.moldtank.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.helidon.http.HeaderNames;
import io.helidon.webclient.http1.Http1Client;
import io.helidon.webclient.http1.Http1ClientResponse;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/** The main job mounts the operator routes: opened by moldtank.operator.token, absent without it. */
@Timeout(60)
class OperatorApiTest {
    static final String TOKEN = "main-job-operator-token-0123456789abcdef";

    private static MoldTankApp start(Path dir, String token) {
        Properties props = new Properties();
        props.setProperty("server.port", "0");
        props.setProperty("moldtank.storage.h2.file", dir.resolve("db").toString());
        if (token != null) {
            props.setProperty("moldtank.operator.token", token);
            props.setProperty("moldtank.operator.name", "alice");
        }
        return MoldTankServer.start(AppConfig.load(new String[0], Map.of(), props));
    }

    private static int status(Http1Client client, String token) {
        var req = client.get("/api/v1/admin/payouts/parked");
        if (token != null) {
            req.header(HeaderNames.AUTHORIZATION, "Bearer " + token);
        }
        try (Http1ClientResponse r = req.request()) {
            assertThat(r.headers().contentType().orElseThrow().text()).contains(r.status().code() == 200
                    ? "application/json" : "problem+json");
            return r.status().code();
        }
    }

    @Test
    void with_a_configured_token_the_operator_lists_parked_payouts_and_the_action_is_logged_and_counted(
            @TempDir Path dir) {
        Logger log = (Logger) LoggerFactory.getLogger("io.moldtank.operator");
        ListAppender<ILoggingEvent> seen = new ListAppender<>();
        seen.start();
        log.addAppender(seen);
        MoldTankApp app = start(dir, TOKEN);
        try {
            Http1Client client = Http1Client.builder().baseUri("http://localhost:" + app.port()).build();
            assertThat(client.get("/api/v1/admin/payouts/parked").header(HeaderNames.AUTHORIZATION, "Bearer " + TOKEN)
                    .requestEntity(String.class)).contains("\"items\":[]");
            assertThat(status(client, null)).isEqualTo(401);
            assertThat(status(client, "x" + TOKEN)).isEqualTo(401);

            assertThat(seen.list).hasSize(3);
            ILoggingEvent done = seen.list.getFirst();
            assertThat(done.getKeyValuePairs()).anySatisfy(kv -> assertThat(kv.toString()).contains("operator", "alice"))
                    .anySatisfy(kv -> assertThat(kv.toString()).contains("list-parked-payouts"));
            assertThat(seen.list).allSatisfy(e -> {
                assertThat(e.getFormattedMessage()).doesNotContain(TOKEN);
                assertThat(String.valueOf(e.getKeyValuePairs())).doesNotContain(TOKEN);
            });
            String metrics = client.get("/observe/metrics").header(HeaderNames.ACCEPT, "text/plain")
                    .requestEntity(String.class);
            assertThat(metrics).containsPattern(
                    "moldtank_operator_actions_total\\{[^}]*action=\"list-parked-payouts\"[^}]*outcome=\"done\"");
        } finally {
            log.detachAppender(seen);
            app.shutdown();
        }
    }

    @Test
    void without_a_token_the_operator_routes_do_not_exist(@TempDir Path dir) {
        MoldTankApp app = start(dir, null);
        try {
            Http1Client client = Http1Client.builder().baseUri("http://localhost:" + app.port()).build();
            assertThat(status(client, null)).isEqualTo(404);
            assertThat(status(client, TOKEN)).isEqualTo(404);
        } finally {
            app.shutdown();
        }
    }

    @Test
    void a_short_token_stops_the_start_without_printing_it(@TempDir Path dir) {
        assertThatThrownBy(() -> start(dir, "too-short-token"))
                .hasMessageContaining("moldtank.operator")
                .hasMessageNotContaining("too-short-token");
    }
}
