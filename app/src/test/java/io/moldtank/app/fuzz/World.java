package io.moldtank.app.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The fixtures the fuzzer aims at, made through the API itself: three agents, a draft and an open
 * bounty, a submission, a listing, a proposed job and a funded balance; and the rendering of a
 * {@link FuzzRequest} into bytes, signed with the fixtures' keys and the server's clock.
 */
final class World {
    static final String[] TOKENS = {"{agent0}", "{agent1}", "{agent2}", "{draft}", "{open}", "{submission}",
            "{listing}", "{job}", "{uuid}"};

    private final FuzzServer server;
    private final AgentKey[] agents = {new AgentKey(), new AgentKey(), new AgentKey()};
    /** Signs registrations; its public key is {@code {regkey}} in generated bodies. */
    private final AgentKey registrant = new AgentKey();
    private final Map<String, String> ids = new LinkedHashMap<>();
    private final AtomicLong counter = new AtomicLong();

    World(FuzzServer server) {
        this.server = server;
    }

    /** Registers the agents and makes one of each thing; every step must succeed. */
    World seed() {
        for (int i = 0; i < agents.length; i++) {
            ids.put("{agent" + i + "}", "register");
            String body = "{\"wallet\":\"0x%040x\",\"name\":\"fuzz-agent-%d\",\"signingKey\":\"%s\"}"
                    .formatted(0xf0001L + i, i, agents[i].publicHex());
            ids.put("{agent" + i + "}", ok(FuzzRequest.http("POST", "/api/v1/agents", null, body, "self" + i, null))
                    .get("id").asText());
        }
        ids.put("{uuid}", "00000000-0000-4000-8000-00000000dead");
        ids.put("{draft}", ok(FuzzRequest.http("POST", "/api/v1/bounties", null, Bodies.BOUNTY, "agent0", null))
                .get("id").asText());
        String open = ok(FuzzRequest.http("POST", "/api/v1/bounties", null, Bodies.BOUNTY, "agent0", null)).get("id").asText();
        ids.put("{open}", open);
        ok(FuzzRequest.http("POST", "/api/v1/bounties/{open}/deposit", null, "", "agent0", null));
        String tx = ok(FuzzRequest.http("POST", "/api/v1/bounties/{open}/deposit/simulate", null, "", "agent0", null))
                .get("txHash").asText();
        ok(FuzzRequest.http("POST", "/api/v1/bounties/{open}/deposit/confirm", null, "{\"txHash\":\"" + tx + "\"}",
                "agent0", null));
        ids.put("{submission}", ok(FuzzRequest.http("POST", "/api/v1/bounties/{open}/submissions", null,
                "{\"files\":{\"haiku.txt\":\"coins wait\"}}", "agent1", null)).get("id").asText());
        ids.put("{listing}", ok(FuzzRequest.http("POST", "/api/v1/listings", null,
                "{\"title\":\"Review code\",\"price\":\"3\",\"tags\":[\"review\"]}", "agent1", null)).get("id").asText());
        String deposit = ok(FuzzRequest.http("POST", "/api/v1/wallet/deposits/simulate", null, "{\"amount\":\"100\"}",
                "agent0", null)).get("txHash").asText();
        ok(FuzzRequest.http("POST", "/api/v1/wallet/deposits", null, "{\"txHash\":\"" + deposit + "\"}", "agent0", null));
        ids.put("{job}", ok(FuzzRequest.http("POST", "/api/v1/jobs", null, "{\"listingId\":\"{listing}\"}", "agent0",
                null)).get("id").asText());
        return this;
    }

    private JsonNode ok(FuzzRequest r) {
        RawHttp.Reply reply = send(r, 10_000);
        if (reply.status() / 100 != 2) {
            throw new IllegalStateException("seeding " + r + " answered " + reply.status() + ": " + reply.text());
        }
        try {
            return ApiSpec.JSON.readTree(reply.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    RawHttp.Reply send(FuzzRequest r, int timeoutMillis) {
        return RawHttp.exchange(server.port(), render(r), timeoutMillis,
                r.kind().equals("ws") ? s -> WsFrames.exchange(s, r.body()) : null);
    }

    String resolve(String text) {
        if (text == null) {
            return null;
        }
        String out = text.replace("{regkey}", registrant.publicHex())
                .replace("{future}", server.clock().instant().plus(Duration.ofDays(2)).toString())
                .replace("{past}", server.clock().instant().minus(Duration.ofDays(2)).toString());
        for (var e : ids.entrySet()) {
            out = out.replace(e.getKey(), e.getValue());
        }
        return out;
    }

    /** The request as bytes on the wire: request line, headers (ISO-8859-1, as HTTP/1.1 has it), body. */
    byte[] render(FuzzRequest r) {
        byte[] body = resolve(new String(r.body(), StandardCharsets.ISO_8859_1)).getBytes(StandardCharsets.ISO_8859_1);
        if (r.kind().equals("raw")) {
            return body;
        }
        String path = resolve(r.path());
        String query = resolve(r.query());
        boolean ws = r.kind().equals("ws");
        byte[] payload = ws ? new byte[0] : body;
        List<String[]> headers = new ArrayList<>();
        headers.add(new String[] {"Host", "127.0.0.1:" + server.port()});
        if (payload.length > 0) {
            headers.add(new String[] {"Content-Type", "application/json"});
        }
        authenticate(headers, r.auth(), r.method(), path, query, payload);
        if (ws) {
            headers.add(new String[] {"Upgrade", "websocket"});
            headers.add(new String[] {"Connection", "Upgrade"});
            headers.add(new String[] {"Sec-WebSocket-Key", "dGhlIHNhbXBsZSBub25jZQ=="});
            headers.add(new String[] {"Sec-WebSocket-Version", "13"});
        } else {
            headers.add(new String[] {"Connection", "close"});
        }
        boolean framed = false;
        for (FuzzRequest.Edit e : r.edits()) {
            framed |= e.name().equalsIgnoreCase("Content-Length") || e.name().equalsIgnoreCase("Transfer-Encoding");
            if (!e.op().equals("add")) {
                headers.removeIf(h -> h[0].equalsIgnoreCase(e.name()));
            }
            if (!e.op().equals("remove")) {
                headers.add(new String[] {e.name(), resolve(e.value())});
            }
        }
        if (!framed && !ws) {
            headers.add(new String[] {"Content-Length", Integer.toString(payload.length)});
        }
        StringBuilder head = new StringBuilder(r.method()).append(' ').append(path)
                .append(query == null ? "" : "?" + query).append(" HTTP/1.1\r\n");
        headers.forEach(h -> head.append(h[0]).append(": ").append(h[1]).append("\r\n"));
        byte[] h = head.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1);
        byte[] all = new byte[h.length + payload.length];
        System.arraycopy(h, 0, all, 0, h.length);
        System.arraycopy(payload, 0, all, h.length, payload.length);
        return all;
    }

    private void authenticate(List<String[]> headers, String auth, String method, String path, String query, byte[] body) {
        AgentKey key;
        String who;
        switch (auth) {
            case "none" -> {
                return;
            }
            case "operator" -> {
                headers.add(new String[] {"Authorization", "Bearer " + FuzzServer.OPERATOR_TOKEN});
                return;
            }
            case "register" -> {
                key = registrant;
                who = "register";
            }
            case "forged" -> {
                key = registrant;
                who = ids.get("{agent0}");
            }
            default -> {
                // agentN signs as itself; selfN is agentN's key registering (who = "register")
                int i = auth.charAt(auth.length() - 1) - '0';
                key = agents[i];
                who = auth.startsWith("self") ? "register" : ids.get("{agent" + i + "}");
            }
        }
        String ts = Long.toString(server.clock().instant().getEpochSecond());
        String nonce = "fz" + UUID.randomUUID().toString().replace("-", "") + counter.incrementAndGet();
        headers.add(new String[] {"Authorization", "AgentSig " + who + ":" + key.sign(method, path, query, ts, nonce, body)});
        headers.add(new String[] {"X-Timestamp", ts});
        headers.add(new String[] {"X-Nonce", nonce});
    }
}
