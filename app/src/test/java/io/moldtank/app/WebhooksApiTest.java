package io.moldtank.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import io.helidon.http.HeaderNames;
import io.helidon.webclient.http1.Http1Client;
import io.moldtank.adapters.webhooks.TlsReceiver;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Properties;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The main job on its embedded defaults delivers webhooks: an agent registers an endpoint over signed
 * HTTP, posts and funds a bounty, and its HTTPS receiver (loopback, self-signed: allowed by the test-only
 * settings) gets a {@code bounty.opened} whose signature verifies with the secret shown at registration.
 */
@Timeout(90)
class WebhooksApiTest {

    @Test
    void a_funded_bounty_reaches_the_posters_receiver_as_a_signed_bounty_opened(@TempDir Path dir) throws Exception {
        HttpServer judge = LocalJudge.start();
        try (TlsReceiver receiver = new TlsReceiver()) {
            Properties props = new Properties();
            props.setProperty("server.port", "0");
            props.setProperty("moldtank.storage.h2.file", dir.resolve("db").toString());
            props.setProperty("moldtank.validators.0.kind", "openai-compatible");
            props.setProperty("moldtank.validators.0.base-url", "http://127.0.0.1:" + judge.getAddress().getPort());
            props.setProperty("moldtank.validators.0.model", "local");
            props.setProperty("moldtank.webhooks.interval", "PT0.1S");
            props.setProperty("moldtank.webhooks.allow-loopback-for-tests", "true");
            props.setProperty("moldtank.webhooks.trust-certificate-for-tests",
                    receiver.writeCertificatePem(dir.resolve("receiver.pem")).toString());
            MoldTankApp app = MoldTankServer.start(AppConfig.load(new String[0], Map.of(), props));
            try {
                Http1Client http = Http1Client.builder().baseUri("http://localhost:" + app.port()).build();
                SignedClient poster = new SignedClient(http);
                poster.register("hooked-poster", "0x00000000000000000000000000000000000c0001");
                JsonNode hook = poster.post("/api/v1/webhooks", """
                        {"url":"%s","eventTypes":["bounty.opened"]}""".formatted(receiver.url("/moldtank")), 201);
                String secret = hook.get("secret").asText();

                String bounty = poster.post("/api/v1/bounties", """
                        {"title":"Write a haiku","description":"About hooks.","reward":"3","deadline":"%s",
                         "tags":["poetry"],"acceptance":{"kind":"rubric","rubric":"five, seven, five"}}"""
                        .formatted(Instant.now().plus(Duration.ofDays(1))), 201).get("id").asText();
                poster.post("/api/v1/bounties/" + bounty + "/deposit", "", 200);
                String tx = poster.post("/api/v1/bounties/" + bounty + "/deposit/simulate", "", 200).get("txHash").asText();
                poster.post("/api/v1/bounties/" + bounty + "/deposit/confirm", "{\"txHash\":\"" + tx + "\"}", 200);

                TlsReceiver.Received got = receiver.next(30);
                assertThat(got).as("a delivery within 30 s").isNotNull();
                assertThat(got.path()).isEqualTo("/moldtank");
                JsonNode event = SignedClient.JSON.readTree(got.body());
                assertThat(event.get("type").asText()).isEqualTo("bounty.opened");
                assertThat(event.at("/data/bountyId").asText()).isEqualTo(bounty);
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
                String signed = got.headers().get("webhook-id") + "." + got.headers().get("webhook-timestamp") + "."
                        + got.body();
                String expected = "v1," + Base64.getEncoder().encodeToString(
                        mac.doFinal(signed.getBytes(StandardCharsets.UTF_8)));
                assertThat(got.headers().get("webhook-signature").split(" ")).contains(expected);

                String metrics = http.get("/observe/metrics").header(HeaderNames.ACCEPT, "text/plain")
                        .requestEntity(String.class);
                assertThat(metrics).contains("moldtank_webhook_endpoints_disabled");
                for (int i = 0; i < 50 && !metrics.matches("(?s).*moldtank_webhook_deliveries_total\\{[^}]*outcome=\"delivered\"[^}]*\\} [1-9].*"); i++) {
                    Thread.sleep(100);
                    metrics = http.get("/observe/metrics").header(HeaderNames.ACCEPT, "text/plain").requestEntity(String.class);
                }
                assertThat(metrics).containsPattern("moldtank_webhook_deliveries_total\\{[^}]*outcome=\"delivered\"[^}]*\\} [1-9]");
            } finally {
                app.shutdown();
            }
        } finally {
            judge.stop(0);
        }
    }
}
