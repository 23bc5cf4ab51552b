package io.moldtank.adapters.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpRequest;

/** One vendor's wire format: where to post, which headers, what body, and where the answer text is. */
interface ApiDialect {
    ObjectMapper JSON = new ObjectMapper();

    /** Path under the API root, e.g. {@code /v1/messages}. */
    String path();

    void authenticate(HttpRequest.Builder request, String apiKey);

    ObjectNode body(String model, int maxOutputTokens, JudgePrompt prompt);

    /** The model's text out of a 2xx body, or why there is none (refusal, cut off, empty). */
    Answer answer(JsonNode body);

    sealed interface Answer {
    }

    record Text(String text) implements Answer {
    }

    record NoText(String why) implements Answer {
    }

    /** Joins the configured base URL and {@link #path()}; a base that already ends in /v1 is not doubled. */
    default URI endpoint(URI base) {
        String b = base.toString().replaceAll("/+$", "");
        String p = path();
        if (b.endsWith("/v1") && p.startsWith("/v1/")) {
            p = p.substring(3);
        }
        return URI.create(b + p);
    }

    /** The JSON Schema of a verdict, as the structured-output APIs take it (strict mode subset). */
    static ObjectNode verdictSchema() {
        ObjectNode schema = JSON.createObjectNode().put("type", "object");
        ObjectNode props = schema.putObject("properties");
        props.putObject("verdict").put("type", "string").putArray("enum").add("pass").add("fail");
        props.putObject("reasons").put("type", "array").putObject("items").put("type", "string");
        props.putObject("confidence").put("type", "number");
        schema.putArray("required").add("verdict").add("reasons").add("confidence");
        schema.put("additionalProperties", false);
        return schema;
    }
}
