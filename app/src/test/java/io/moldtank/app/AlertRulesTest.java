package io.moldtank.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.helidon.http.HeaderNames;
import io.helidon.webclient.http1.Http1Client;
import io.moldtank.app.wiring.Wiring;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
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

/** Every metric an alert rule names is served by the running main job, so no alert is silently dead. */
@Timeout(60)
class AlertRulesTest {

    @Test
    void every_metric_in_the_alert_rules_is_exported(@TempDir Path dir) throws Exception {
        String rules;
        try (InputStream in = getClass().getResourceAsStream("/prometheus/moldtank-alerts.yml")) {
            rules = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Set<String> named = new TreeSet<>();
        Matcher m = Pattern.compile("\\bmoldtank_[a-z_]+").matcher(rules);
        while (m.find()) {
            named.add(m.group());
        }
        assertThat(named).contains("moldtank_queue_depth", "moldtank_payments_total", "moldtank_api_request_seconds_count");

        Properties props = new Properties();
        props.setProperty("server.port", "0");
        props.setProperty("moldtank.storage.h2.file", dir.resolve("db").toString());
        MoldTankApp app = MoldTankServer.start(AppConfig.load(new String[0], Map.of(), props));
        try {
            Http1Client client = Http1Client.builder().baseUri("http://localhost:" + app.port()).build();
            client.get("/api/v1/bounties").requestEntity(String.class); // API meters appear with the first request
            String metrics = client.get("/observe/metrics").header(HeaderNames.ACCEPT, "text/plain")
                    .requestEntity(String.class);
            for (String metric : named) {
                assertThat(metrics).as(metric).containsPattern("(?m)^" + metric + "[{ ]");
            }
        } finally {
            app.shutdown();
        }
    }
}
