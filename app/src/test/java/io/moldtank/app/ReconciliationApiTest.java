package io.moldtank.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.helidon.http.HeaderNames;
import io.helidon.webclient.http1.Http1Client;
import io.helidon.webclient.http1.Http1ClientResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The main job reconciles the mock chain with the books at start and shows what it cannot repair to the
 * operator: here, money in escrow for a bounty the books never had (a deposit in the chain's journal
 * whose bounty was lost), as a crash before the database reached the disk left it.
 */
@Timeout(60)
class ReconciliationApiTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TOKEN = OperatorApiTest.TOKEN;

    @Test
    void money_on_chain_for_a_bounty_the_books_lost_is_a_difference_the_operator_sees_notes_and_is_alerted_on(
            @TempDir Path dir) throws Exception {
        UUID ghost = UUID.randomUUID();
        String payer = "0x" + "5a".repeat(20);
        Files.writeString(dir.resolve("db-mock-chain.log"), "mint " + payer + " 7000000\n"
                + "tx " + String.format("0x%064x", 1) + " DEPOSIT " + ghost + " " + payer + " - 7000000\n");
        Properties props = new Properties();
        props.setProperty("server.port", "0");
        props.setProperty("moldtank.storage.h2.file", dir.resolve("db").toString());
        props.setProperty("moldtank.operator.token", TOKEN);
        props.setProperty("moldtank.operator.name", "alice");
        MoldTankApp app = MoldTankServer.start(AppConfig.load(new String[0], Map.of(), props));
        try {
            Http1Client client = Http1Client.builder().baseUri("http://localhost:" + app.port()).build();
            JsonNode report = runNow(client);
            assertThat(report.path("chainEntries").asInt()).isEqualTo(1);
            assertThat(report.path("repaired").size()).isZero();
            assertThat(report.path("differences").get(0).path("kind").asText()).isEqualTo("deposit-for-unknown-bounty");

            JsonNode shown = JSON.readTree(get(client, "/api/v1/admin/reconciliation", TOKEN).as(String.class));
            JsonNode open = shown.path("open").get(0);
            assertThat(open.path("bountyId").asText()).isEqualTo(ghost.toString());
            assertThat(open.path("txHash").asText()).isEqualTo(String.format("0x%064x", 1));
            assertThat(shown.path("lastRun").path("openDifferences").asInt()).isEqualTo(1);

            String ack = "/api/v1/admin/reconciliation/differences/" + open.path("id").asLong() + "/acknowledgement";
            assertThat(post(client, ack, "{\"note\":\"refund the payer by hand\"}").status().code()).isEqualTo(200);
            assertThat(post(client, ack, "{\"note\":\"\"}").status().code()).isEqualTo(400);
            assertThat(post(client, ack, "null").status().code()).isEqualTo(400);
            assertThat(post(client, "/api/v1/admin/reconciliation/differences/999999/acknowledgement",
                    "{\"note\":\"x\"}").status().code()).isEqualTo(404);
            assertThat(get(client, "/api/v1/admin/reconciliation", null).status().code()).isEqualTo(401);
            assertThat(JSON.readTree(get(client, "/api/v1/admin/reconciliation", TOKEN).as(String.class))
                    .path("open").get(0).path("note").asText()).isEqualTo("refund the payer by hand");

            String metrics = client.get("/observe/metrics").header(HeaderNames.ACCEPT, "text/plain")
                    .requestEntity(String.class);
            assertThat(metrics).containsPattern("(?m)^moldtank_reconciliation_differences_open(\\{[^}]*\\})? 1(\\.0)?$");
            assertThat(metrics).containsPattern("moldtank_reconciliation_runs_total\\{[^}]*outcome=\"ok\"[^}]*\\} [1-9]");
        } finally {
            app.shutdown();
        }
    }

    /** A run now; the one at start may still hold the lease for a moment (409), so ask again. */
    private static JsonNode runNow(Http1Client client) throws Exception {
        for (int i = 0; i < 50; i++) {
            try (Http1ClientResponse r = post(client, "/api/v1/admin/reconciliation/runs", "")) {
                if (r.status().code() == 200) {
                    return JSON.readTree(r.as(String.class));
                }
                assertThat(r.status().code()).isEqualTo(409);
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no reconciliation run within 5 s");
    }

    private static Http1ClientResponse get(Http1Client client, String path, String token) {
        var req = client.get(path);
        if (token != null) {
            req.header(HeaderNames.AUTHORIZATION, "Bearer " + token);
        }
        return req.request();
    }

    private static Http1ClientResponse post(Http1Client client, String path, String body) {
        return client.post(path).header(HeaderNames.AUTHORIZATION, "Bearer " + TOKEN)
                .header(HeaderNames.CONTENT_TYPE, "application/json").submit(body);
    }
}
