package io.moldtank.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import io.helidon.webclient.http1.Http1Client;
import io.helidon.webclient.http1.Http1ClientResponse;
import io.moldtank.app.chaos.ClusterServers;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Issue 17: nodes with different roles on one PostgreSQL and one Redis. A bounty posted, funded and
 * submitted through an api-only node is validated, awarded and paid by a worker-only node (the queue in
 * Redis, the mock chain's log in the database: the worker's replica sees the api node's deposit), and the
 * api node's live stream carries the events the worker committed (PostgreSQL notifications). A node
 * without the api role answers health and metrics and nothing else.
 */
@Timeout(120)
class MultiNodeTest {
    private static final String TOKEN = "multi-node-operator-token-0123456789abcdef";
    private final List<MoldTankApp> apps = new ArrayList<>();
    private ClusterServers servers;
    private HttpServer judge;

    @BeforeEach
    void servers() throws Exception {
        servers = ClusterServers.open();
        judge = LocalJudge.start();
    }

    @AfterEach
    void stop() throws Exception {
        apps.forEach(MoldTankApp::shutdown);
        judge.stop(0);
        servers.close();
    }

    private MoldTankApp node(String roles) {
        Properties p = new Properties();
        p.putAll(servers.settings(TOKEN));
        p.setProperty("server.port", "0");
        p.setProperty("server.host", "127.0.0.1");
        p.setProperty("moldtank.roles", roles);
        p.setProperty("moldtank.storage.kind", "postgres");
        p.setProperty("moldtank.storage.postgres.url", servers.pgUrl());
        p.setProperty("moldtank.storage.postgres.schema", servers.schema());
        p.setProperty("moldtank.workers.payout-interval", "PT0.1S");
        p.setProperty("moldtank.validators.0.kind", "openai-compatible");
        p.setProperty("moldtank.validators.0.base-url", "http://127.0.0.1:" + judge.getAddress().getPort());
        p.setProperty("moldtank.validators.0.model", "local");
        MoldTankApp app = MoldTankServer.start(AppConfig.load(new String[0], Map.of(), p));
        apps.add(app);
        return app;
    }

    @Test
    void a_worker_only_node_validates_and_pays_what_an_api_only_node_took_and_its_stream_shows_it() throws Exception {
        MoldTankApp api = node("api");
        MoldTankApp worker = node("workers");
        assertThat(api.wiring().choices()).containsEntry("roles", "api").containsKey("workers");
        assertThat(worker.wiring().choices()).containsEntry("roles", "workers");

        Http1Client http = Http1Client.builder().baseUri("http://127.0.0.1:" + api.port()).build();
        SignedClient poster = new SignedClient(http);
        poster.register("poster", "0x00000000000000000000000000000000000d0001");
        SignedClient solver = new SignedClient(http);
        String solverId = solver.register("solver", "0x00000000000000000000000000000000000d0002");
        String bounty = poster.post("/api/v1/bounties", """
                {"title":"Write a haiku","description":"About nodes.","reward":"4","deadline":"%s",
                 "tags":["poetry"],"acceptance":{"kind":"rubric","rubric":"five, seven, five syllables"}}"""
                .formatted(Instant.now().plus(Duration.ofDays(1))), 201).get("id").asText();
        String tx = poster.post("/api/v1/bounties/" + bounty + "/deposit/simulate", "", 200).get("txHash").asText();
        poster.post("/api/v1/bounties/" + bounty + "/deposit/confirm", "{\"txHash\":\"" + tx + "\"}", 200);

        List<String> streamed = new CopyOnWriteArrayList<>();
        WebSocket ws = HttpClient.newHttpClient().newWebSocketBuilder().buildAsync(
                URI.create("ws://127.0.0.1:" + api.port() + "/api/v1/bounties/" + bounty + "/stream"), new WebSocket.Listener() {
                    private final StringBuilder part = new StringBuilder();

                    @Override
                    public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
                        part.append(data);
                        if (last) {
                            streamed.add(part.toString());
                            part.setLength(0);
                        }
                        socket.request(1);
                        return null;
                    }
                }).get();
        try {
            String submission = solver.post("/api/v1/bounties/" + bounty + "/submissions",
                    "{\"files\":{\"haiku.txt\":\"nodes hum in the dark\"}}", 201).get("id").asText();
            JsonNode paid = TestNodes.eventually(Duration.ofSeconds(60), () -> {
                JsonNode b = poster.get("/api/v1/bounties/" + bounty, 200);
                return b.get("status").asText().equals("PAID") ? b : null;
            });
            assertThat(paid.get("winner").asText()).isEqualTo(submission);
            JsonNode payout = poster.get("/api/v1/bounties/" + bounty + "/payout", 200);
            assertThat(payout.get("winner").asText()).isEqualTo(solverId);
            assertThat(payout.get("txHash").asText()).as("released on the chain both nodes share").isNotEqualTo(tx);
            TestNodes.eventually(Duration.ofSeconds(15), () -> streamed.stream().anyMatch(m -> m.contains("\"Paid\"")) ? streamed : null);
            assertThat(String.join("\n", streamed)).as("committed by the worker node, streamed by the api node")
                    .contains("\"VerdictRecorded\"", "\"Awarded\"", "\"Paid\"");
        } finally {
            ws.abort();
        }

        Http1Client workerHttp = Http1Client.builder().baseUri("http://127.0.0.1:" + worker.port()).build();
        assertThat(status(workerHttp, "/observe/health/ready")).isEqualTo(200);
        assertThat(status(workerHttp, "/observe/metrics")).isEqualTo(200);
        assertThat(status(workerHttp, "/api/v1/bounties")).as("no API on a worker node").isEqualTo(404);
        assertThat(status(workerHttp, "/skill.md")).isEqualTo(404);
    }

    @Test
    void the_mock_chain_of_a_postgresql_node_keeps_its_escrow_and_treasury_across_a_restart() throws Exception {
        MoldTankApp first = node("api,workers,scheduler");
        Http1Client http = Http1Client.builder().baseUri("http://127.0.0.1:" + first.port()).build();
        SignedClient poster = new SignedClient(http);
        poster.register("poster", "0x00000000000000000000000000000000000d0003");
        String bounty = poster.post("/api/v1/bounties", """
                {"title":"Keep me","description":"Across restarts.","reward":"7","deadline":"%s",
                 "acceptance":{"kind":"rubric","rubric":"anything"}}""".formatted(Instant.now().plus(Duration.ofDays(1))),
                201).get("id").asText();
        String tx = poster.post("/api/v1/bounties/" + bounty + "/deposit/simulate", "", 200).get("txHash").asText();
        String transfer = poster.post("/api/v1/wallet/deposits/simulate", "{\"amount\":\"10\"}", 200)
                .get("txHash").asText();
        first.shutdown();
        apps.remove(first);

        MoldTankApp second = node("api,workers,scheduler");
        assertThat(second.wiring().choices().get("chain")).contains("log in the database");
        assertThat(second.wiring().find(io.moldtank.ports.memory.SharedMockChain.class).orElseThrow().held())
                .isEqualTo(io.moldtank.domain.money.Usdc.parse("7"));
        SignedClient again = new SignedClient(Http1Client.builder().baseUri("http://127.0.0.1:" + second.port()).build());
        poster.at(Http1Client.builder().baseUri("http://127.0.0.1:" + second.port()).build());
        assertThat(poster.post("/api/v1/wallet/deposits", "{\"txHash\":\"" + transfer + "\"}", 200)
                .get("available").asText()).as("the treasury transfer made before the restart is found after it")
                .isEqualTo("10.000000");
        JsonNode opened = TestNodes.eventually(Duration.ofSeconds(30), () -> {
            JsonNode b = again.get("/api/v1/bounties/" + bounty, 200);
            return b.get("status").asText().equals("OPEN") ? b : null;
        });
        assertThat(opened.get("status").asText()).as("reconciliation found the deposit %s on the chain after the restart", tx)
                .isEqualTo("OPEN");
    }

    private static int status(Http1Client http, String path) {
        try (Http1ClientResponse r = http.get(path).header(io.helidon.http.HeaderNames.ACCEPT, "text/plain").request()) {
            return r.status().code();
        }
    }

    /** A bounded wait. */
    static final class TestNodes {
        static <T> T eventually(Duration within, java.util.concurrent.Callable<T> probe) throws Exception {
            long until = System.nanoTime() + within.toNanos();
            while (System.nanoTime() < until) {
                T found = probe.call();
                if (found != null) {
                    return found;
                }
                Thread.sleep(100);
            }
            throw new AssertionError("not reached within " + within);
        }
    }
}
