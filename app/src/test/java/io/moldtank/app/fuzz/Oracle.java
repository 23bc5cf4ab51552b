package io.moldtank.app.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The properties every answer must have: no 5xx; an answer (or, for raw bytes, a clean close) within the
 * time limit; every 4xx of the API is problem+json whose type ends with a documented reason code; and a
 * refused request (4xx, or no answer) changed nothing in storage.
 */
final class Oracle {
    static final String TYPE_ROOT = "https://moldtank.dev/problems/";
    static final int TIME_LIMIT_MILLIS = 5_000;

    private final Set<String> codes;

    Oracle(Set<String> codes) {
        if (codes.isEmpty()) {
            throw new IllegalStateException("the OpenAPI document lists no reason codes (x-problem-types)");
        }
        this.codes = Set.copyOf(codes);
    }

    /** What is wrong with this exchange; empty when nothing is. */
    List<String> violations(FuzzRequest r, RawHttp.Reply reply, Map<String, Long> before, Map<String, Long> after) {
        List<String> wrong = new ArrayList<>();
        if (reply.timedOut() || reply.millis() > TIME_LIMIT_MILLIS) {
            wrong.add("no answer within " + TIME_LIMIT_MILLIS + " ms (" + reply.millis() + " ms)");
        }
        if (reply.status() >= 500 || reply.status() == -1) {
            wrong.add("answered " + reply.status() + ": " + reply.text());
        }
        if (reply.status() == 0 && !r.kind().equals("raw")) {
            wrong.add("closed without an answer");
        }
        if (reply.status() >= 400 && isApi(r)) {
            wrong.addAll(problem(reply));
        }
        boolean refused = reply.status() >= 400 || reply.status() <= 0;
        if (refused) {
            List<String> changed = StorageTotals.changes(before, after);
            if (!changed.isEmpty()) {
                wrong.add("refused with " + reply.status() + " but storage changed: " + changed);
            }
        }
        return wrong;
    }

    private List<String> problem(RawHttp.Reply reply) {
        String type = reply.header("content-type");
        if (type == null || !type.startsWith("application/problem+json")) {
            return List.of(reply.status() + " is not problem+json but " + type + ": " + abbreviated(reply.text()));
        }
        try {
            JsonNode p = ApiSpec.JSON.readTree(reply.body());
            String t = p.path("type").asText("");
            if (!t.startsWith(TYPE_ROOT) || !codes.contains(t.substring(TYPE_ROOT.length()))) {
                return List.of("undocumented problem type " + t);
            }
            if (p.path("status").asInt() != reply.status()) {
                return List.of("problem status " + p.path("status") + " differs from " + reply.status());
            }
            return List.of();
        } catch (java.io.IOException e) {
            return List.of("problem body is not JSON: " + abbreviated(reply.text()));
        }
    }

    /** Answers under the API must be problems; a raw request counts when its target is unknown or under the API. */
    private static boolean isApi(FuzzRequest r) {
        String path = r.path();
        if (r.kind().equals("raw")) {
            String first = new String(r.body(), StandardCharsets.ISO_8859_1).split("\r\n", 2)[0];
            String[] parts = first.split(" ");
            path = parts.length == 3 && parts[2].startsWith("HTTP/1.") ? parts[1] : null;
            if (path == null) {
                return true;
            }
        }
        return path.startsWith("/api/v1") || path.startsWith("/.well-known") || path.startsWith("/skill.md");
    }

    private static String abbreviated(String text) {
        return text.length() > 300 ? text.substring(0, 300) + "…" : text;
    }
}
