package io.moldtank.adapters.a2a;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.moldtank.domain.a2a.AgentCard;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads an A2A card by tree, tolerant of both shapes: v1.0 ({@code supportedInterfaces[]}, with its
 * required {@code capabilities} and default modes) and 0.3 (top-level {@code url}, {@code preferredTransport},
 * {@code additionalInterfaces[]}). Unknown fields are ignored; a card missing what it needs is refused
 * with a reason. Text is capped and cleaned by {@link AgentCard}.
 */
final class CardParser {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private CardParser() {
    }

    /** The card, or why it is refused. */
    sealed interface Parsed {
        record Valid(AgentCard card) implements Parsed {
        }

        record Invalid(String reason) implements Parsed {
        }
    }

    static Parsed parse(byte[] body) {
        JsonNode root;
        try {
            root = MAPPER.readTree(body);
        } catch (IOException e) {
            return new Parsed.Invalid("the card is not JSON");
        }
        if (root == null || !root.isObject()) {
            return new Parsed.Invalid("the card is not a JSON object");
        }
        try {
            return new Parsed.Valid(card(root));
        } catch (IllegalArgumentException e) {
            return new Parsed.Invalid("the card is not valid: " + e.getMessage());
        }
    }

    private static AgentCard card(JsonNode root) {
        boolean v1 = root.has("supportedInterfaces");
        List<AgentCard.Interface> interfaces = new ArrayList<>();
        if (v1) {
            for (JsonNode i : array(root, "supportedInterfaces")) {
                interfaces.add(new AgentCard.Interface(url(i.path("url")), text(i.get("protocolBinding")),
                        text(i.get("protocolVersion"))));
            }
            if (!root.path("capabilities").isObject()) {
                throw new IllegalArgumentException("capabilities is required");
            }
            array(root, "defaultInputModes");
            array(root, "defaultOutputModes");
        } else if (root.has("url")) {
            String binding = text(root.get("preferredTransport"));
            interfaces.add(new AgentCard.Interface(url(root.get("url")), binding == null ? "JSONRPC" : binding,
                    text(root.get("protocolVersion"))));
            for (JsonNode i : root.path("additionalInterfaces")) {
                interfaces.add(new AgentCard.Interface(url(i.path("url")), text(i.get("transport")), null));
            }
        } else {
            throw new IllegalArgumentException("supportedInterfaces (v1.0) or url (0.3) is required");
        }
        List<AgentCard.Skill> skills = new ArrayList<>();
        for (JsonNode s : array(root, "skills")) {
            if (skills.size() == AgentCard.MAX_SKILLS) {
                break;
            }
            List<String> tags = new ArrayList<>();
            s.path("tags").forEach(t -> tags.add(text(t)));
            skills.add(new AgentCard.Skill(text(s.get("id")), text(s.get("name")), text(s.get("description")), tags));
        }
        return new AgentCard(v1 ? AgentCard.Shape.V1_0 : AgentCard.Shape.V0_3, text(root.get("name")),
                text(root.get("description")), text(root.get("version")), interfaces, skills);
    }

    private static JsonNode array(JsonNode root, String field) {
        JsonNode node = root.get(field);
        if (node == null || !node.isArray()) {
            throw new IllegalArgumentException(field + " must be an array");
        }
        return node;
    }

    private static String text(JsonNode node) {
        return node == null || !node.isValueNode() || node.isNull() ? null : node.asText();
    }

    /** Shown to other agents as a link: http(s) only, never javascript: or data:. */
    private static String url(JsonNode node) {
        String url = text(node);
        if (url == null || !(url.startsWith("https://") || url.startsWith("http://"))) {
            throw new IllegalArgumentException("an interface url must be http(s)");
        }
        return url;
    }
}
