package io.moldtank.adapters.llm;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Reads a model's text as {"verdict":"pass"|"fail","reasons":[...],"confidence":0..1} and nothing
 * else: unknown or duplicate keys, trailing text, wrong types or out-of-range values are rejected,
 * because whatever is not a well-formed verdict must become an ERROR vote, never a pass.
 */
final class VerdictParser {
    static final int MAX_REASONS = 10;
    static final int MAX_REASON_CHARS = 1000;
    private static final Set<String> KEYS = Set.of("verdict", "reasons", "confidence");
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    private VerdictParser() {
    }

    sealed interface Parsed {
    }

    record Valid(Verdict verdict) implements Parsed {
    }

    record Invalid(String why) implements Parsed {
    }

    static Parsed parse(String text) {
        if (text == null || text.isBlank()) {
            return new Invalid("empty answer");
        }
        JsonNode root;
        try {
            root = JSON.readTree(unfenced(text.strip()));
        } catch (JsonProcessingException e) {
            return new Invalid("answer is not JSON: " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            return new Invalid("answer is not a JSON object");
        }
        List<String> names = new ArrayList<>();
        root.fieldNames().forEachRemaining(names::add);
        if (!KEYS.equals(Set.copyOf(names))) {
            return new Invalid("answer must have exactly the keys verdict, reasons, confidence; had " + names);
        }
        JsonNode verdict = root.get("verdict");
        if (!verdict.isTextual() || !(verdict.asText().equals("pass") || verdict.asText().equals("fail"))) {
            return new Invalid("verdict must be \"pass\" or \"fail\"");
        }
        JsonNode reasons = root.get("reasons");
        if (!reasons.isArray() || reasons.isEmpty() || reasons.size() > MAX_REASONS) {
            return new Invalid("reasons must be an array of 1.." + MAX_REASONS + " strings");
        }
        List<String> texts = new ArrayList<>();
        for (JsonNode r : reasons) {
            if (!r.isTextual() || r.asText().isBlank() || r.asText().length() > MAX_REASON_CHARS) {
                return new Invalid("each reason must be a non-blank string of at most " + MAX_REASON_CHARS + " characters");
            }
            texts.add(r.asText());
        }
        JsonNode confidence = root.get("confidence");
        if (!confidence.isNumber()) {
            return new Invalid("confidence must be a number");
        }
        BigDecimal c = confidence.decimalValue();
        if (c.signum() < 0 || c.compareTo(BigDecimal.ONE) > 0) {
            return new Invalid("confidence must be within 0..1");
        }
        return new Valid(new Verdict(verdict.asText().equals("pass"), texts, c));
    }

    /**
     * Models without enforced structured output often wrap the object in one markdown code fence;
     * only a fence around the whole answer is removed, so the object must still be all there is.
     */
    private static String unfenced(String text) {
        if (text.startsWith("```") && text.endsWith("```") && text.length() >= 6) {
            String inner = text.substring(3, text.length() - 3);
            int newline = inner.indexOf('\n');
            if (newline >= 0 && inner.substring(0, newline).strip().matches("(?i)(json)?")) {
                return inner.substring(newline + 1);
            }
        }
        return text;
    }
}
