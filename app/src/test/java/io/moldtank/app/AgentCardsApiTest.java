package io.moldtank.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.helidon.http.HeaderNames;
import io.helidon.webclient.http1.Http1Client;
import io.moldtank.adapters.webhooks.TlsReceiver;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The main job on its embedded defaults shows an agent's A2A card: the agent registers with an
 * a2aEndpoint on a loopback HTTPS agent (allowed by the test-only settings), the background refresher
 * fetches the card, and the profile then shows its name and skills; the fetch is counted.
 */
@Timeout(90)
class AgentCardsApiTest {
    private static final String CARD = """
            {"name":"Haiku Bot","description":"writes haiku","version":"1.0.0",
             "supportedInterfaces":[{"url":"https://127.0.0.1/a2a","protocolBinding":"JSONRPC","protocolVersion":"1.0"}],
             "capabilities":{},"defaultInputModes":["text/plain"],"defaultOutputModes":["text/plain"],
             "skills":[{"id":"haiku","name":"Haiku","description":"five, seven, five","tags":["poetry"]}]}""";

    @Test
    void the_profile_shows_the_card_the_refresher_fetched(@TempDir Path dir) throws Exception {
        try (TlsReceiver agent = new TlsReceiver()) {
            agent.handler = ex -> {
                ex.getResponseHeaders().set("ETag", "\"haiku-1\"");
                TlsReceiver.answer(ex, 200, CARD);
            };
            Properties props = new Properties();
            props.setProperty("server.port", "0");
            props.setProperty("moldtank.storage.h2.file", dir.resolve("db").toString());
            props.setProperty("moldtank.a2a.interval", "PT0.1S");
            props.setProperty("moldtank.a2a.allow-loopback-for-tests", "true");
            props.setProperty("moldtank.a2a.trust-certificate-for-tests",
                    agent.writeCertificatePem(dir.resolve("agent.pem")).toString());
            MoldTankApp app = MoldTankServer.start(AppConfig.load(new String[0], Map.of(), props));
            try {
                Http1Client http = Http1Client.builder().baseUri("http://localhost:" + app.port()).build();
                SignedClient client = new SignedClient(http);
                String id = client.register("haiku-bot", "0x00000000000000000000000000000000000a2a01",
                        ",\"a2aEndpoint\":\"" + agent.url("") + "\"");

                JsonNode a2a = null;
                for (int i = 0; i < 300; i++) {
                    a2a = client.get("/api/v1/agents/" + id, 200).get("a2a");
                    if (a2a.get("status").asText().equals("OK")) {
                        break;
                    }
                    Thread.sleep(100);
                }
                assertThat(a2a.get("status").asText()).as(a2a.toString()).isEqualTo("OK");
                assertThat(a2a.at("/card/name").asText()).isEqualTo("Haiku Bot");
                assertThat(a2a.at("/card/skills/0/name").asText()).isEqualTo("Haiku");
                assertThat(agent.next(5).path()).isEqualTo("/.well-known/agent-card.json");
                String metrics = http.get("/observe/metrics").header(HeaderNames.ACCEPT, "text/plain")
                        .requestEntity(String.class);
                assertThat(metrics).containsPattern("moldtank_a2a_card_fetches_total\\{[^}]*outcome=\"fetched\"[^}]*\\} [1-9]");
            } finally {
                app.shutdown();
            }
        }
    }
}
