package io.moldtank.adapters.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.helidon.webclient.http1.Http1Client;
import io.helidon.webclient.websocket.WsClient;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.testing.junit5.ServerTest;
import io.helidon.webserver.testing.junit5.SetUpRoute;
import io.helidon.webserver.websocket.WsRouting;
import io.helidon.websocket.WsListener;
import io.helidon.websocket.WsSession;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** WS /api/v1/bounties/{id}/stream over a real socket: order, resume from a last-seen id, heartbeats. */
@ServerTest
class BountyStreamTest {
    static final TestSystem SYSTEM = new TestSystem();
    private final ApiClient api;
    private final Scenario given;
    private final WsClient ws;

    BountyStreamTest(Http1Client client, WsClient ws) {
        this.api = new ApiClient(client);
        this.given = new Scenario(api, SYSTEM);
        this.ws = ws;
    }

    @SetUpRoute
    static void routing(HttpRouting.Builder routing) {
        SYSTEM.routing(routing);
    }

    @SetUpRoute
    static void streams(WsRouting.Builder ws) {
        HttpAdapters.registerStreams(ws, SYSTEM.core, SYSTEM.feed, SYSTEM.clock, Duration.ofMillis(300));
    }

    /** Collects the messages of one connection. */
    static final class Collector implements WsListener {
        final BlockingQueue<JsonNode> messages = new LinkedBlockingQueue<>();
        volatile WsSession session;

        @Override
        public void onOpen(WsSession s) {
            session = s;
        }

        @Override
        public void onMessage(WsSession s, String text, boolean last) {
            try {
                messages.add(Json.MAPPER.readTree(text));
            } catch (IOException e) {
                throw new AssertionError(e);
            }
        }

        /** The next n event messages, skipping heartbeats. */
        List<JsonNode> events(int n) throws InterruptedException {
            List<JsonNode> out = new ArrayList<>();
            while (out.size() < n) {
                JsonNode m = messages.poll(5, TimeUnit.SECONDS);
                assertThat(m).as("message %d of %d", out.size() + 1, n).isNotNull();
                if (m.has("id")) {
                    out.add(m);
                }
            }
            return out;
        }

        JsonNode heartbeat() throws InterruptedException {
            while (true) {
                JsonNode m = messages.poll(5, TimeUnit.SECONDS);
                assertThat(m).isNotNull();
                if (m.path("type").asText().equals("heartbeat")) {
                    return m;
                }
            }
        }
    }

    private static List<String> types(List<JsonNode> events) {
        return events.stream().map(e -> e.get("type").asText()).toList();
    }

    @Test
    void history_then_live_events_arrive_in_order_and_a_reconnect_resumes_after_the_last_seen_id()
            throws InterruptedException {
        SigningAgent poster = given.registered("streamer");
        SigningAgent solver = given.registered("stream-solver");
        String id = given.open(poster, "3");

        Collector first = new Collector();
        ws.connect("/api/v1/bounties/" + id + "/stream", first);
        List<JsonNode> history = first.events(3);
        assertThat(types(history)).containsExactly("Drafted", "DepositRequested", "Opened");
        assertThat(history.get(2).get("data").get("deposited").asText()).isEqualTo("3.000000");

        api.signed("POST", "/api/v1/bounties/" + id + "/submissions", "{\"files\":{\"a.txt\":\"pass\"}}", solver);
        api.signed("POST", "/api/v1/bounties/" + id + "/comments", "{\"body\":\"looking\"}", poster);
        List<JsonNode> live = first.events(2);
        assertThat(types(live)).containsExactly("SubmissionReceived", "CommentPosted");
        assertThat(live.get(0).get("data").get("sequence").asLong()).isEqualTo(1);
        long lastSeen = live.get(0).get("id").asLong();
        assertThat(live.get(1).get("id").asLong()).isGreaterThan(lastSeen);
        first.session.close(1000, "bye");

        Collector resumed = new Collector();
        ws.connect("/api/v1/bounties/" + id + "/stream?after=" + lastSeen, resumed);
        assertThat(types(resumed.events(1))).containsExactly("CommentPosted");
        while (SYSTEM.core.validating().validateNext("w").isPresent()) {
            // the verdict and award follow on the stream
        }
        assertThat(types(resumed.events(3))).containsSubsequence("ValidationStarted", "VoteCast");
        assertThat(resumed.heartbeat().get("at").asText()).isNotBlank();
        resumed.session.close(1000, "bye");
    }

    @Test
    void a_stream_of_an_unknown_bounty_is_refused() {
        Collector c = new Collector();
        org.assertj.core.api.Assertions.assertThatThrownBy(() ->
                ws.connect("/api/v1/bounties/00000000-0000-0000-0000-00000000beef/stream", c))
                .isInstanceOf(RuntimeException.class);
    }
}
