package io.moldtank.app.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigInteger;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * deploy/compose.yaml as an agent meets it, through the balancer only (run by {@code ./moldtank compose-check},
 * which brings the stack up, passes its addresses and tears it down): two agents register, the poster posts a
 * bounty and funds it on Anvil by sending the unsigned transactions MoldTank hands out, the solver submits, the
 * worker node validates in a Docker sandbox and pays, and a live stream opened through the balancer sees every
 * step, those written by other nodes included. Then Prometheus must see every node and the balancer, the alert
 * rules, and traffic on both API nodes.
 */
@EnabledIfSystemProperty(named = "moldtank.compose.url", matches = "http://127\\.0\\.0\\.1:\\d+")
class ComposeFlowTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
    // deploy/images/anvil/chain-state.js: test USDC deployed by dev account 0, 1,000,000 USDC minted to account 3.
    private static final String USDC = "0x5FbDB2315678afecb367f032d93F642f64180aa3";
    private static final String POSTER_WALLET = "0x90F79bf6EB2c4f870365E785982E1f101E93b906";
    private static final String TESTS = "from solution import add\\n\\ndef test_adds():\\n    assert add(2, 3) == 5\\n";
    private static final String SOLUTION = "def add(a, b):\\n    return a + b\\n";
    private static final Duration SETTLE = Duration.ofSeconds(180);

    private final URI base = URI.create(System.getProperty("moldtank.compose.url", "http://127.0.0.1:8080"));
    private final ChainRpc chain = new ChainRpc(System.getProperty("moldtank.compose.rpc", "http://127.0.0.1:8545"));
    private final URI prometheus = URI.create(System.getProperty("moldtank.compose.prometheus", "http://127.0.0.1:9090"));

    @Test
    @Timeout(value = 6, unit = TimeUnit.MINUTES)
    void an_agent_flow_through_the_balancer_is_funded_on_chain_validated_by_the_worker_and_paid() throws Exception {
        String solverWallet = "0x" + HexFormat.of().formatHex(java.security.SecureRandom.getSeed(20));
        ChaosAgent poster = new ChaosAgent(POSTER_WALLET);
        ChaosAgent solver = new ChaosAgent(solverWallet);
        poster.at(base.getPort());
        solver.at(base.getPort());
        assertThat(poster.register("compose-poster").orElseThrow().status()).isEqualTo(201);
        assertThat(solver.register("compose-solver").orElseThrow().status()).isEqualTo(201);

        String bounty = reply(poster.post("/api/v1/bounties", """
                {"title":"Add two numbers","description":"Make test_add.py pass.","reward":"3","deadline":"%s",
                 "acceptance":{"kind":"tests","files":{"test_add.py":"%s"},"command":"python3 -m pytest -q"}}"""
                .formatted(serverNow().plusDays(2).toInstant(), TESTS)), 201).path("id").asText();
        List<JsonNode> stream = follow(bounty);

        String depositTx = null;
        for (JsonNode tx : reply(poster.post("/api/v1/bounties/" + bounty + "/deposit", ""), 200).path("transactions")) {
            depositTx = chain.sendAndWait(POSTER_WALLET, tx.path("to").asText(), tx.path("data").asText(),
                    Duration.ofSeconds(30));
        }
        assertThat(reply(poster.post("/api/v1/bounties/" + bounty + "/deposit/confirm",
                "{\"txHash\":\"" + depositTx + "\"}"), 200).path("status").asText()).isEqualTo("OPEN");
        reply(solver.post("/api/v1/bounties/" + bounty + "/submissions",
                "{\"files\":{\"solution.py\":\"" + SOLUTION + "\"}}"), 201);

        await("the bounty reads PAID", SETTLE, () -> poster.get("/api/v1/bounties/" + bounty)
                .filter(r -> "PAID".equals(r.body().path("status").asText())).orElse(null));
        JsonNode payout = reply(poster.get("/api/v1/bounties/" + bounty + "/payout"), 200);
        assertThat(payout.path("wallet").asText()).isEqualToIgnoringCase(solverWallet);
        chain.requireMined(payout.path("txHash").asText(), Duration.ofSeconds(30));
        assertThat(chain.balanceOf(USDC, solverWallet)).as("the winner's USDC on chain").isEqualTo(BigInteger.valueOf(3_000_000));

        // Validation, award and payout happen on the worker node: their events reach this stream on an API node.
        await("the stream carries the whole flow", Duration.ofSeconds(30), () -> types(stream).containsAll(Set.of(
                "Opened", "SubmissionReceived", "VerdictRecorded", "Awarded", "Paid")) ? stream : null);
        assertThat(stream).filteredOn(e -> "VerdictRecorded".equals(e.path("type").asText()))
                .allMatch(e -> e.path("data").path("passed").asBoolean());

        await("Prometheus scrapes both API nodes, the worker and the balancer", Duration.ofSeconds(60), () -> {
            Map<String, String> up = new HashMap<>();
            query("up").forEach(t -> up.put(t.path("metric").path("instance").asText(), t.path("value").path(1).asText()));
            return up.keySet().containsAll(List.of("api1:8080", "api2:8080", "worker1:8080", "lb:8404"))
                    && up.values().stream().allMatch("1"::equals) ? up : null;
        });
        assertThat(rules()).contains("MoldTankQueueBacklog", "MoldTankPayoutParked");
        await("the balancer sent traffic to both API nodes", Duration.ofSeconds(60), () -> query(
                "sum by (server) (haproxy_server_http_responses_total{proxy=\"api\"}) > 0")
                .findValuesAsText("server").containsAll(List.of("api1", "api2")) ? "" : null);
    }

    private static JsonNode reply(java.util.Optional<ChaosAgent.Reply> r, int status) {
        assertThat(r).as("an answer").isPresent();
        assertThat(r.get().status()).as("%s", r.get().body()).isEqualTo(status);
        return r.get().body();
    }

    /** The servers' clock, from the balancer's answer: deadlines are judged by it, not by this JVM's. */
    private ZonedDateTime serverNow() throws Exception {
        HttpResponse<Void> r = HTTP.send(HttpRequest.newBuilder(base.resolve("/observe/health/ready")).build(),
                HttpResponse.BodyHandlers.discarding());
        return ZonedDateTime.parse(r.headers().firstValue("Date").orElseThrow(), DateTimeFormatter.RFC_1123_DATE_TIME);
    }

    /** Opens the bounty's live stream through the balancer and collects its events. */
    private List<JsonNode> follow(String bounty) throws Exception {
        List<JsonNode> events = new CopyOnWriteArrayList<>();
        URI ws = URI.create("ws://127.0.0.1:" + base.getPort() + "/api/v1/bounties/" + bounty + "/stream");
        HTTP.newWebSocketBuilder().buildAsync(ws, new WebSocket.Listener() {
            private final StringBuilder text = new StringBuilder();

            @Override
            public CompletionStage<?> onText(WebSocket socket, CharSequence part, boolean last) {
                text.append(part);
                if (last) {
                    try {
                        events.add(JSON.readTree(text.toString()));
                    } catch (java.io.IOException e) {
                        throw new IllegalStateException("not JSON on the stream: " + text, e);
                    }
                    text.setLength(0);
                }
                socket.request(1);
                return null;
            }
        }).get(10, TimeUnit.SECONDS);
        return events;
    }

    private static Set<String> types(List<JsonNode> events) {
        return Set.copyOf(events.stream().map(e -> e.path("type").asText()).toList());
    }

    private JsonNode query(String promql) throws Exception {
        return prometheusGet("/api/v1/query?query=" + URLEncoder.encode(promql, StandardCharsets.UTF_8)).path("result");
    }

    private List<String> rules() throws Exception {
        return prometheusGet("/api/v1/rules").findValuesAsText("name");
    }

    private JsonNode prometheusGet(String path) throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(prometheus.resolve(path))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as("Prometheus %s: %s", path, r.body()).isEqualTo(200);
        return JSON.readTree(r.body()).path("data");
    }

    private interface Probe<T> {
        T get() throws Exception;
    }

    /** Polls {@code probe} until it answers non-null, within {@code within}. */
    private static <T> T await(String what, Duration within, Probe<T> probe) throws Exception {
        long until = System.nanoTime() + within.toNanos();
        while (true) {
            T value = probe.get();
            if (value != null) {
                return value;
            }
            if (System.nanoTime() > until) {
                throw new AssertionError("not within " + within + ": " + what);
            }
            Thread.sleep(1000); // polling goes through the balancer's one IP: stay inside the read bucket
        }
    }
}
