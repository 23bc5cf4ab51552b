package io.moldtank.adapters.mcp;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelcontextprotocol.spec.McpSchema;
import io.moldtank.ports.in.Outcome;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Tool answers: the value as structured content and, for clients that read text only, the same JSON as text.
 * Errors carry {@code {"code", "detail"}} and {@code isError: true}, the way MCP tells a model "this call failed".
 */
final class Results {
    private static final ObjectMapper JSON = new ObjectMapper();

    private Results() {
    }

    static McpSchema.CallToolResult ok(Map<String, Object> value) {
        return McpSchema.CallToolResult.builder()
                .content(List.of(new McpSchema.TextContent(write(value))))
                .structuredContent(value)
                .isError(false)
                .build();
    }

    static McpSchema.CallToolResult error(ToolRefusal r) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("code", r.code());
        body.put("detail", r.getMessage());
        if (r.retryAfterSeconds() != null) {
            body.put("retryAfterSeconds", r.retryAfterSeconds());
        }
        return McpSchema.CallToolResult.builder()
                .content(List.of(new McpSchema.TextContent(r.code() + ": " + r.getMessage())))
                .structuredContent(body)
                .isError(true)
                .build();
    }

    /** The value of a use case's outcome; a refusal becomes the tool error with the domain's reason code. */
    static <T> T valueOf(Outcome<T> outcome) {
        return switch (outcome) {
            case Outcome.Done<T> d -> d.value();
            case Outcome.NotFound<T> n -> throw new ToolRefusal("not-found", n.what() + " " + n.id() + " does not exist");
            case Outcome.Refused<T> r -> throw new ToolRefusal(r.reason().code(), r.detail());
        };
    }

    static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("tool results are plain maps and lists", e);
        }
    }
}
