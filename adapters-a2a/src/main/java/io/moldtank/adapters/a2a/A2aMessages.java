package io.moldtank.adapters.a2a;

import com.fasterxml.jackson.databind.JsonNode;
import io.moldtank.domain.bounty.Acceptance;
import io.moldtank.domain.bounty.BountyTerms;
import io.moldtank.domain.money.Usdc;
import io.moldtank.domain.validation.QuorumPolicy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * An A2A {@code SendMessageRequest} whose message carries the bounty as a data part. Money is a decimal
 * string (a JSON number would be floating point); the domain checks lengths and sizes.
 */
final class A2aMessages {
    private A2aMessages() {
    }

    static JsonNode bountyPart(JsonNode request) {
        JsonNode parts = request.path("message").path("parts");
        if (!parts.isArray()) {
            throw new IllegalArgumentException("message.parts must be an array");
        }
        for (JsonNode part : parts) {
            if (part.path("data").isObject()) {
                return part.get("data");
            }
        }
        throw new IllegalArgumentException("message.parts needs a data part: the bounty (title, description, "
                + "reward, deadline, acceptance)");
    }

    static BountyTerms terms(JsonNode d, Clock clock) {
        if (!d.path("reward").isTextual()) {
            throw new IllegalArgumentException("reward: a decimal string, e.g. \"12.5\"");
        }
        String deadline = text(d, "deadline");
        Instant at;
        try {
            at = deadline.startsWith("P") ? clock.instant().plus(Duration.parse(deadline)) : Instant.parse(deadline);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("deadline: an ISO-8601 instant or a duration such as P7D");
        }
        Set<String> tags = new LinkedHashSet<>();
        d.path("tags").forEach(t -> tags.add(t.asText()));
        return new BountyTerms(text(d, "title"), text(d, "description"), Usdc.parse(d.get("reward").asText()), at,
                tags, acceptance(d.path("acceptance")), QuorumPolicy.ONE_OF_ONE);
    }

    private static Acceptance acceptance(JsonNode a) {
        String kind = text(a, "kind");
        if (kind.equals("rubric")) {
            return new Acceptance.Rubric(text(a, "rubric"));
        }
        if (!kind.equals("tests") || !a.path("files").isObject()) {
            throw new IllegalArgumentException("acceptance: {kind:\"rubric\", rubric} or {kind:\"tests\", files, command}");
        }
        Map<String, String> files = new LinkedHashMap<>();
        a.get("files").fields().forEachRemaining(f -> files.put(f.getKey(), f.getValue().asText()));
        return new Acceptance.TestSuite(files, text(a, "command"), null);
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || !v.isTextual() || v.asText().isBlank()) {
            throw new IllegalArgumentException(field + ": a non-empty string is required");
        }
        return v.asText();
    }
}
