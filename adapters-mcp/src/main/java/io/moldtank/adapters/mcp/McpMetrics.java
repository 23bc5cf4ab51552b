package io.moldtank.adapters.mcp;

import io.helidon.metrics.api.Counter;
import io.helidon.metrics.api.MeterRegistry;
import io.helidon.metrics.api.Metrics;
import io.helidon.metrics.api.Tag;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code moldtank_mcp_tool_calls_total{tool,outcome}}: outcome is {@code ok} or the refusal's problem code.
 * Tools are a fixed set and codes a documented one, so the series stay bounded whatever clients send
 * (an unknown tool name never reaches a counter: the SDK answers it before any tool runs).
 */
final class McpMetrics {
    static final String NAME = "moldtank.mcp.tool.calls";

    private final MeterRegistry registry;
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();

    McpMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    static McpMetrics global() {
        return new McpMetrics(Metrics.globalRegistry());
    }

    void count(String tool, String outcome) {
        counters.computeIfAbsent(tool + ' ' + outcome, k -> registry.getOrCreate(Counter.builder(NAME)
                .description("MCP tool calls by tool and outcome (ok or the problem code)")
                .tags(List.of(Tag.create("tool", tool), Tag.create("outcome", outcome))))).increment();
    }
}
