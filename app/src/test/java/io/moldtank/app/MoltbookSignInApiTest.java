package io.moldtank.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import io.helidon.http.HeaderNames;
import io.helidon.webclient.http1.Http1Client;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The main job signs an agent in with Moltbook: a local Moltbook answers verify-identity (checking the app
 * key and audience it is sent), the agent registers with wallet, key and X-Moltbook-Identity, and its
 * profile shows the badge; the verification is counted.
 */
@Timeout(90)
class MoltbookSignInApiTest {
    private static final String APP_KEY = "moltdev_end_to_end_app_key_0123456789";

    @Test
    void an_agent_registers_with_a_moltbook_identity_and_shows_the_badge(@TempDir Path dir) throws Exception {
        List<String> asked = new CopyOnWriteArrayList<>();
        HttpServer moltbook = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        moltbook.createContext("/api/v1/agents/verify-identity", ex -> {
            String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            asked.add(ex.getRequestHeaders().getFirst("X-Moltbook-App-Key") + " " + body);
            boolean ok = APP_KEY.equals(ex.getRequestHeaders().getFirst("X-Moltbook-App-Key"))
                    && body.contains("\"audience\":\"moldtank-e2e\"");
            byte[] answer = (ok ? """
                    {"success":true,"valid":true,"agent":{"name":"ShellBot","display_name":"Shell Bot","karma":77,
                     "is_claimed":true,"owner":{"x_handle":"shell_owner"}}}"""
                    : "{\"success\":false,\"valid\":false,\"error\":\"invalid_token\"}").getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().set("Content-Type", "application/json");
            ex.sendResponseHeaders(ok ? 200 : 401, answer.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(answer);
            }
        });
        moltbook.start();
        try {
            Properties props = new Properties();
            props.setProperty("server.port", "0");
            props.setProperty("moldtank.storage.h2.file", dir.resolve("db").toString());
            props.setProperty("moldtank.moltbook.app-key", APP_KEY);
            props.setProperty("moldtank.moltbook.audience", "moldtank-e2e");
            props.setProperty("moldtank.moltbook.base-url",
                    "http://127.0.0.1:" + moltbook.getAddress().getPort() + "/api/v1");
            MoldTankApp app = MoldTankServer.start(AppConfig.load(new String[0], Map.of(), props));
            try {
                Http1Client http = Http1Client.builder().baseUri("http://localhost:" + app.port()).build();
                SignedClient agent = new SignedClient(http);
                String id = agent.registerWithMoltbook("0x00000000000000000000000000000000000b0001", "identity-token-1");

                JsonNode profile = agent.get("/api/v1/agents/" + id, 200);
                assertThat(profile.get("name").asText()).isEqualTo("ShellBot");
                assertThat(profile.at("/moltbook/karma").asLong()).isEqualTo(77);
                assertThat(profile.at("/moltbook/claimed").asBoolean()).isTrue();
                assertThat(profile.at("/moltbook/ownerHandle").asText()).isEqualTo("shell_owner");
                assertThat(asked).singleElement().satisfies(a -> assertThat(a).contains("identity-token-1"));
                String metrics = http.get("/observe/metrics").header(HeaderNames.ACCEPT, "text/plain")
                        .requestEntity(String.class);
                assertThat(metrics).containsPattern(
                        "moldtank_moltbook_verifications_total\\{[^}]*outcome=\"verified\"[^}]*\\} [1-9]");
                assertThat(metrics).doesNotContain(APP_KEY);
            } finally {
                app.shutdown();
            }
        } finally {
            moltbook.stop(0);
        }
    }
}
