package io.moldtank.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.helidon.http.HeaderNames;
import io.helidon.webclient.http1.Http1Client;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The checked-in Grafana dashboard loads (its JSON model: uid, title, panels with Prometheus queries) and
 * every metric it plots is served by the main job, so no panel is silently empty after a rename.
 */
@Timeout(60)
class GrafanaDashboardTest {

    @Test
    void the_dashboard_is_a_grafana_model_whose_metrics_the_main_job_exports(@TempDir Path dir) throws Exception {
        JsonNode d;
        try (InputStream in = getClass().getResourceAsStream("/grafana/moldtank-dashboard.json")) {
            d = new ObjectMapper().readTree(in);
        }
        assertThat(d.path("uid").asText()).isEqualTo("moldtank-main");
        assertThat(d.path("schemaVersion").asInt()).isGreaterThanOrEqualTo(36);
        Set<String> named = new TreeSet<>();
        for (JsonNode panel : d.path("panels")) {
            assertThat(panel.path("title").asText()).isNotBlank();
            assertThat(panel.path("targets")).isNotEmpty();
            for (JsonNode t : panel.path("targets")) {
                Matcher m = Pattern.compile("\\bmoldtank_[a-z_]+").matcher(t.path("expr").asText());
                while (m.find()) {
                    named.add(m.group().replaceAll("_(bucket|count|sum)$", ""));
                }
            }
        }
        assertThat(named).contains("moldtank_escrow_held_usdc", "moldtank_liabilities_usdc", "moldtank_payouts_parked");

        Properties props = new Properties();
        props.setProperty("server.port", "0");
        props.setProperty("moldtank.storage.h2.file", dir.resolve("db").toString());
        props.setProperty("moldtank.operator.token", OperatorApiTest.TOKEN);
        MoldTankApp app = MoldTankServer.start(AppConfig.load(new String[0], Map.of(), props));
        try {
            Http1Client client = Http1Client.builder().baseUri("http://localhost:" + app.port()).build();
            client.get("/api/v1/bounties").requestEntity(String.class); // API meters appear with the first request
            client.get("/api/v1/admin/payouts/parked").header(HeaderNames.AUTHORIZATION, "Bearer "
                    + OperatorApiTest.TOKEN).requestEntity(String.class); // and operator actions with the first one
            String metrics = client.get("/observe/metrics").header(HeaderNames.ACCEPT, "text/plain")
                    .requestEntity(String.class);
            for (String metric : named) {
                assertThat(metrics).as(metric).containsPattern("(?m)^" + metric + "(_bucket|_count|_sum)?[{ ]");
            }
        } finally {
            app.shutdown();
        }
    }
}
