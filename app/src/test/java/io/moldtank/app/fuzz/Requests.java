package io.moldtank.app.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.StringJoiner;

/**
 * The fuzz grammar: pick an operation of the OpenAPI document (every route and method), fill its path and
 * query parameters, make a valid body and maybe mutate it, sign it as the route wants (sometimes as the
 * wrong one), then maybe break headers; or send raw bytes, or open the WebSocket stream and send frames.
 */
final class Requests {
    private final ApiSpec spec;
    private final List<ApiSpec.Operation> operations;
    private final List<String> sockets;

    Requests(ApiSpec spec) {
        this.spec = spec;
        this.operations = spec.operations();
        this.sockets = List.copyOf(spec.webSockets());
    }

    FuzzRequest next(Random rnd) {
        int roll = rnd.nextInt(100);
        Garbage garbage = new Garbage(rnd);
        if (roll < 5) {
            return new FuzzRequest("raw", "", "", null, garbage.raw(), "none", List.of(), "raw");
        }
        if (roll < 10) {
            return socket(rnd, garbage);
        }
        ApiSpec.Operation op = operations.get(rnd.nextInt(operations.size()));
        Bodies bodies = new Bodies(spec, rnd);
        String path = path(op.template(), rnd, garbage);
        String query = query(op, rnd, bodies, garbage);
        byte[] body = new byte[0];
        String note = "valid";
        if (op.body() != null && rnd.nextInt(10) > 0) {
            JsonNode json = bodies.valid(op.body(), "");
            if (rnd.nextInt(3) > 0) {
                json = bodies.mutate(json);
                note = "mutated";
            }
            body = garbage.body(json.toString());
        } else if (rnd.nextInt(8) == 0) {
            body = garbage.body(rnd.nextBoolean() ? "{}" : "null");
            note = "unexpected body";
        }
        String auth = auth(op, rnd);
        FuzzRequest r = new FuzzRequest("http", op.method(), path, query, body, auth, List.of(), note);
        if (op.params().stream().anyMatch(p -> p.name().equals("Idempotency-Key")) && rnd.nextInt(3) > 0) {
            r = r.withEdits(List.of(new FuzzRequest.Edit("set", "Idempotency-Key", "fuzz-" + bodies.hex(8))));
        }
        return r.withEdits(garbage.edits());
    }

    private FuzzRequest socket(Random rnd, Garbage garbage) {
        String template = sockets.get(rnd.nextInt(sockets.size()));
        String path = path(template, rnd, garbage);
        String query = switch (rnd.nextInt(4)) {
            case 0 -> null;
            case 1 -> "after=" + rnd.nextInt(50);
            default -> garbage.query();
        };
        byte[] frames;
        switch (rnd.nextInt(4)) {
            case 0 -> frames = new byte[0];
            case 1 -> frames = WsFrames.text("{\"hello\":" + rnd.nextInt() + "}", rnd);
            case 2 -> frames = WsFrames.frame(rnd.nextInt(16), garbage.body("{}"), rnd);
            default -> {
                frames = new byte[1 + rnd.nextInt(64)];
                rnd.nextBytes(frames);
            }
        }
        return new FuzzRequest("ws", "GET", path, query, frames, "none", garbage.edits(), "stream");
    }

    private static String path(String template, Random rnd, Garbage garbage) {
        if (!template.contains("{id}")) {
            return rnd.nextInt(20) == 0 ? template + garbage.id() : template;
        }
        String id = rnd.nextInt(4) > 0 ? World.TOKENS[rnd.nextInt(World.TOKENS.length)] : garbage.id();
        return template.replace("{id}", id);
    }

    private static String query(ApiSpec.Operation op, Random rnd, Bodies bodies, Garbage garbage) {
        List<ApiSpec.Param> params = op.in("query");
        if (rnd.nextInt(10) == 0) {
            return garbage.query();
        }
        StringJoiner q = new StringJoiner("&");
        for (ApiSpec.Param p : params) {
            if (p.required() || rnd.nextBoolean()) {
                String v = rnd.nextInt(5) > 0 ? bodies.valid(p.schema(), p.name()).asText() : garbage.id();
                if (p.name().equals("wait") && v.matches("\\d+")) {
                    // a valid wait holds the answer that long (up to 60 s): mostly none, sometimes 1 s, so the
                    // oracle's time limit still applies and the campaign stays short
                    v = rnd.nextInt(10) == 0 ? "1" : "0";
                }
                q.add(p.name() + "=" + java.net.URLEncoder.encode(v, StandardCharsets.UTF_8));
            }
        }
        return q.length() == 0 ? null : q.toString();
    }

    /** Mostly whoever may call the route; sometimes someone else, or no one. */
    private static String auth(ApiSpec.Operation op, Random rnd) {
        List<String> right = new ArrayList<>();
        switch (op.auth()) {
            case "AgentSig" -> right.addAll(op.method().equals("POST") && op.template().equals("/api/v1/agents")
                    ? List.of("register") : List.of("agent0", "agent1", "agent2"));
            case "OperatorToken" -> right.add("operator");
            default -> right.add("none");
        }
        if (rnd.nextInt(8) > 0) {
            return right.get(rnd.nextInt(right.size()));
        }
        String[] wrong = {"none", "forged", "operator", "agent0", "register"};
        return wrong[rnd.nextInt(wrong.length)];
    }
}
