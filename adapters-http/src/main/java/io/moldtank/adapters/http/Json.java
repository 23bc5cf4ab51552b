package io.moldtank.adapters.http;

import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.LogicalType;
import java.util.stream.Collectors;

/**
 * The one JSON mapper of the API. Strict on input: unknown fields, a number where text is expected
 * (or the reverse), trailing garbage and duplicate keys are all refused with the field named.
 */
final class Json {
    static final int MAX_DEPTH = 32;
    static final ObjectMapper MAPPER = strict();

    private Json() {
    }

    private static ObjectMapper strict() {
        // No request shape nests more than a few levels; deep input only costs stack and time.
        JsonFactory factory = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).build()).build();
        JsonMapper m = JsonMapper.builder(factory)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
                .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                // No list or map of a request holds a null: {"files":{"a":null}} and [null] are refused.
                .defaultSetterInfo(JsonSetter.Value.forContentNulls(Nulls.FAIL))
                .build();
        // Money and ids travel as strings; a JSON number or boolean in their place is a client bug.
        m.coercionConfigFor(LogicalType.Textual).setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        return m;
    }

    /**
     * The one place a body becomes a typed request: strict UTF-8 (no BOM, no invalid or surrogate-encoded
     * bytes), one JSON object (never null, an array or a scalar), no duplicate keys, no nesting deeper
     * than {@value #MAX_DEPTH}, no lone surrogate or NUL in any key or string, no null inside an array or
     * map, numbers within their field's range; anything else is a 400 naming where it is wrong. A handler
     * therefore never sees a null request, and no string that storage or the JSON writer would choke on.
     */
    static <T> T read(byte[] body, Class<T> type) {
        if (body.length == 0) {
            throw ApiProblem.invalid("", "a JSON body is required");
        }
        try {
            JsonNode tree = MAPPER.readTree(JsonText.utf8(body));
            if (tree == null || !tree.isObject()) {
                throw ApiProblem.invalid("", "a JSON object is required, not " + (tree == null ? "nothing"
                        : tree.getNodeType().name().toLowerCase(java.util.Locale.ROOT)));
            }
            JsonText.checkStrings(tree, "");
            return MAPPER.treeToValue(tree, type);
        } catch (UnrecognizedPropertyException e) {
            throw ApiProblem.invalid(path(e), "unknown field");
        } catch (JsonMappingException e) {
            throw ApiProblem.invalid(path(e), firstLine(e.getOriginalMessage()));
        } catch (JsonProcessingException e) {
            throw ApiProblem.invalid("", "malformed JSON: " + firstLine(e.getOriginalMessage()));
        }
    }

    static byte[] write(Object value) {
        try {
            return MAPPER.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("response not serialisable", e);
        }
    }

    private static String path(JsonMappingException e) {
        return e.getPath().stream()
                .map(r -> r.getFieldName() != null ? r.getFieldName() : String.valueOf(r.getIndex()))
                .collect(Collectors.joining("."));
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "invalid value";
        }
        int nl = message.indexOf('\n');
        String line = nl < 0 ? message : message.substring(0, nl);
        return line.length() > 200 ? line.substring(0, 200) : line;
    }
}
