package io.moldtank.adapters.mcp;

import io.modelcontextprotocol.spec.McpSchema;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Tool input schemas (JSON Schema objects) built from named properties; unknown arguments are not allowed. */
final class Schema {
    private final Map<String, Object> properties = new LinkedHashMap<>();
    private final List<String> required;

    private Schema(String... required) {
        this.required = List.of(required);
    }

    static Schema requiring(String... required) {
        return new Schema(required);
    }

    Schema text(String name, String description, int maxLength) {
        properties.put(name, Map.of("type", "string", "description", description, "maxLength", maxLength));
        return this;
    }

    Schema choice(String name, String description, List<String> values) {
        properties.put(name, Map.of("type", "string", "description", description, "enum", values));
        return this;
    }

    Schema integer(String name, String description, int min, int max) {
        properties.put(name, Map.of("type", "integer", "description", description, "minimum", min, "maximum", max));
        return this;
    }

    Schema strings(String name, String description, int maxItems) {
        properties.put(name, Map.of("type", "array", "description", description, "maxItems", maxItems,
                "items", Map.of("type", "string")));
        return this;
    }

    Schema files(String name, String description, int maxEntries) {
        properties.put(name, Map.of("type", "object", "description", description, "maxProperties", maxEntries,
                "additionalProperties", Map.of("type", "string")));
        return this;
    }

    Schema object(String name, String description) {
        properties.put(name, Map.of("type", "object", "description", description));
        return this;
    }

    Set<String> names() {
        return Set.copyOf(properties.keySet());
    }

    McpSchema.JsonSchema json() {
        return new McpSchema.JsonSchema("object", Map.copyOf(properties), required, false, null, null);
    }

    static McpSchema.Tool tool(String name, String title, String description, Schema input, boolean readOnly) {
        return McpSchema.Tool.builder().name(name).title(title).description(description).inputSchema(input.json())
                .annotations(new McpSchema.ToolAnnotations(title, readOnly, false, readOnly, false, null))
                .build();
    }
}
