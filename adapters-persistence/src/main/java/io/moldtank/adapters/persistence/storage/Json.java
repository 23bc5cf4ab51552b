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
            case "test-suite" -> new Acceptance.TestSuite(strings(node.get("files").toString()),
                    node.get("command").asText(), Duration.parse(node.get("timeout").asText()));
            case "rubric" -> new Acceptance.Rubric(node.get("text").asText());
            default -> throw new IllegalStateException("stored acceptance of unknown kind: " + node.path("kind"));
        };
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
