package io.moldtank.adapters.persistence.storage;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.moldtank.domain.bounty.Acceptance;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/** The nested values kept as JSON text: file maps, string maps, acceptance. Written and read by tree. */
final class Json {
    static final ObjectMapper MAPPER = new ObjectMapper();

    private Json() {
    }

    static String strings(String field, Map<String, String> values) {
        Text.encodable(field, values);
        ObjectNode node = MAPPER.createObjectNode();
        new TreeMap<>(values).forEach(node::put);
        return write(node);
    }

    static Map<String, String> strings(String json) {
        Map<String, String> out = new LinkedHashMap<>();
        read(json).fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().asText()));
        return out;
    }

    static String acceptance(Acceptance acceptance) {
        ObjectNode node = MAPPER.createObjectNode();
        switch (acceptance) {
            case Acceptance.TestSuite t -> {
                node.put("kind", "test-suite");
                node.set("files", read(strings("bounty.acceptance.files", t.files())));
                node.put("command", Text.encodable("bounty.acceptance.command", t.command()));
                node.put("timeout", t.timeout().toString());
                node.put("runner", t.runner().name());
                var ids = node.putArray("expectTests");
                t.expected().ids().forEach(id -> ids.add(Text.encodable("bounty.acceptance.expectTests", id)));
                node.put("expectCount", t.expected().count());
                node.put("expectDeclared", t.expected().declared());
                var allow = node.putArray("allow");
                t.allow().forEach(allow::add);
            }
            case Acceptance.Rubric r -> {
                node.put("kind", "rubric");
                node.put("text", Text.encodable("bounty.acceptance.text", r.text()));
            }
        }
        return write(node);
    }

    static Acceptance acceptance(String json) {
        JsonNode node = read(json);
        return switch (node.path("kind").asText()) {
            case "test-suite" -> testSuite(node);
            case "rubric" -> new Acceptance.Rubric(node.get("text").asText());
            default -> throw new IllegalStateException("stored acceptance of unknown kind: " + node.path("kind"));
        };
    }

    /** Rows written before runners existed have no runner: read as the suite they would be posted as today. */
    private static Acceptance.TestSuite testSuite(JsonNode node) {
        var files = strings(node.get("files").toString());
        String command = node.get("command").asText();
        Duration timeout = Duration.parse(node.get("timeout").asText());
        if (!node.has("runner")) {
            return new Acceptance.TestSuite(files, command, timeout);
        }
        var ids = new java.util.ArrayList<String>();
        node.path("expectTests").forEach(id -> ids.add(id.asText()));
        var allow = new java.util.ArrayList<String>();
        node.path("allow").forEach(g -> allow.add(g.asText()));
        var expected = new Acceptance.Expected(ids, node.path("expectCount").asInt(ids.size()), node.path("expectDeclared").asBoolean());
        return new Acceptance.TestSuite(files, command, timeout, Acceptance.Runner.valueOf(node.get("runner").asText()), expected, allow);
    }

    static String write(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree always serialises", e);
        }
    }

    static JsonNode read(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored JSON is unreadable", e);
        }
    }
}
