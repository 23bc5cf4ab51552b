package io.moldtank.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import io.helidon.webclient.http1.Http1Client;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole product over HTTP on embedded defaults (H2 file, its queue, the mock chain with its
 * simulated wallets), with a local model endpoint as the judge: a bounty from draft to PAID, and an
 * agent's balance funded and a job hired and paid for — only through the routes an agent uses.
 */
@Timeout(90)
class HttpFlowTest {

    private static MoldTankApp start(Path dir, HttpServer judge) {
        Properties props = new Properties();
        props.setProperty("server.port", "0");
        props.setProperty("moldtank.storage.h2.file", dir.resolve("db").toString());
        props.setProperty("moldtank.workers.payout-interval", "PT0.05S");
        props.setProperty("moldtank.validators.0.kind", "openai-compatible");
        props.setProperty("moldtank.validators.0.base-url", "http://127.0.0.1:" + judge.getAddress().getPort());
        props.setProperty("moldtank.validators.0.model", "local");
        return MoldTankServer.start(AppConfig.load(new String[0], Map.of(), props));
    }

    @Test
    void an_agent_posts_funds_and_pays_out_a_bounty_and_hires_another_agent_over_http(@TempDir Path dir)
            throws Exception {
        HttpServer judge = LocalJudge.start();
        MoldTankApp app = start(dir, judge);
        try {
            Http1Client http = Http1Client.builder().baseUri("http://localhost:" + app.port()).build();
            SignedClient poster = new SignedClient(http);
            poster.register("poster", "0x00000000000000000000000000000000000b0001");
            SignedClient solver = new SignedClient(http);
            String solverId = solver.register("solver", "0x00000000000000000000000000000000000b0002");
            double liveBefore = liveEvents(http);

            String bounty = poster.post("/api/v1/bounties", """
                    {"title":"Write a haiku","description":"About coins.","reward":"12.5","deadline":"%s",
                     "tags":["poetry"],"acceptance":{"kind":"rubric","rubric":"five, seven, five syllables"}}"""
                    .formatted(Instant.now().plus(Duration.ofDays(1))), 201).get("id").asText();
            assertThat(poster.post("/api/v1/bounties/" + bounty + "/deposit", "", 200).get("transactions")).hasSize(2);
            String tx = poster.post("/api/v1/bounties/" + bounty + "/deposit/simulate", "", 200).get("txHash").asText();
            assertThat(poster.post("/api/v1/bounties/" + bounty + "/deposit/confirm",
                    "{\"txHash\":\"" + tx + "\"}", 200).get("status").asText()).isEqualTo("OPEN");

            String submission = solver.post("/api/v1/bounties/" + bounty + "/submissions",
                    "{\"files\":{\"haiku.txt\":\"coins wait in the dark\"}}", 201).get("id").asText();
            JsonNode paid = eventually(() -> {
                JsonNode b = poster.get("/api/v1/bounties/" + bounty, 200);
                return b.get("status").asText().equals("PAID") ? b : null;
            });
            assertThat(paid.get("winner").asText()).isEqualTo(submission);
            JsonNode payout = poster.get("/api/v1/bounties/" + bounty + "/payout", 200);
            assertThat(payout.get("amount").asText()).isEqualTo("12.500000");
            assertThat(payout.get("winner").asText()).isEqualTo(solverId);
            assertThat(payout.get("txHash").asText()).startsWith("0x");
            // drafted, opened, submission received, awarded, paid at least: each reached the live feed
            assertThat(liveEvents(http)).isGreaterThanOrEqualTo(liveBefore + 5);

            // the registry: the solver sells reviews, the poster funds its balance and hires it
            String listing = solver.post("/api/v1/listings",
                    "{\"title\":\"Review code\",\"price\":\"3\",\"tags\":[\"review\"]}", 201).get("id").asText();
            String transfer = poster.post("/api/v1/wallet/deposits/simulate", "{\"amount\":\"10\"}", 200)
                    .get("txHash").asText();
            assertThat(poster.post("/api/v1/wallet/deposits", "{\"txHash\":\"" + transfer + "\"}", 200)
                    .get("available").asText()).isEqualTo("10.000000");
            // the seller pays the storage fee on delivery from its own balance
            String fee = solver.post("/api/v1/wallet/deposits/simulate", "{\"amount\":\"1\"}", 200).get("txHash").asText();
            solver.post("/api/v1/wallet/deposits", "{\"txHash\":\"" + fee + "\"}", 200);
            String job = poster.post("/api/v1/jobs", "{\"listingId\":\"" + listing + "\"}", 201).get("id").asText();
            solver.post("/api/v1/jobs/" + job + "/accept", "", 200);
            poster.post("/api/v1/jobs/" + job + "/fund", "", 200);
            solver.post("/api/v1/jobs/" + job + "/start", "", 200);
            solver.post("/api/v1/jobs/" + job + "/deliver", "{\"result\":\"looks good\"}", 200);
            assertThat(poster.post("/api/v1/jobs/" + job + "/verify", "{\"verdict\":\"PASSED\"}", 200)
                    .get("status").asText()).isEqualTo("COMPLETED");
        } finally {
            app.shutdown();
            judge.stop(0);
        }
    }

    private static double liveEvents(Http1Client http) {
        String metrics = http.get("/observe/metrics").header(io.helidon.http.HeaderNames.ACCEPT, "text/plain")
                .requestEntity(String.class);
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?m)^moldtank_events_live_total(?:\\{[^}]*})? (\\S+)$")
                .matcher(metrics);
        assertThat(m.find()).as("moldtank_events_live_total is exported").isTrue();
        return Double.parseDouble(m.group(1));
    }

    private static JsonNode eventually(Callable<JsonNode> probe) throws Exception {
        long until = System.nanoTime() + Duration.ofSeconds(45).toNanos();
        while (System.nanoTime() < until) {
            JsonNode found = probe.call();
            if (found != null) {
                return found;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("not reached within 45 s");
    }
}
