package io.moldtank.adapters.mcp;

import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.server.McpStatelessServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs every tool the same way: the caller from the transport, the rate-limit bucket, strict arguments, the
 * use case; then one structured log line and one count, whatever the outcome. Refusals become tool errors
 * with their problem code; a bug becomes {@code internal-error} without its message (it may hold internals).
 */
final class ToolCalls {
    private static final Logger LOG = LoggerFactory.getLogger("io.moldtank.mcp");

    /** One tool: what it does with the caller and its arguments. */
    @FunctionalInterface
    interface Body {
        Map<String, Object> run(Caller caller, Args args);
    }

    private final Guard guard;
    private final McpMetrics metrics;

    ToolCalls(Guard guard, McpMetrics metrics) {
        this.guard = guard;
        this.metrics = metrics;
    }

    SyncToolSpecification tool(McpSchema.Tool tool, Guard.Bucket bucket, Set<String> arguments, Body body) {
        BiFunction<McpTransportContext, McpSchema.CallToolRequest, McpSchema.CallToolResult> handler =
                (context, request) -> call(tool.name(), bucket, arguments, body, context, request);
        return new SyncToolSpecification(tool, handler);
    }

    private McpSchema.CallToolResult call(String name, Guard.Bucket bucket, Set<String> arguments, Body body,
                                          McpTransportContext context, McpSchema.CallToolRequest request) {
        long start = System.nanoTime();
        Caller caller = context.get(HelidonMcpTransport.CONTEXT_CALLER) instanceof Caller c ? c : Caller.anonymous("?");
        String outcome = "ok";
        try {
            guard.spend(caller, bucket);
            return Results.ok(body.run(caller, new Args(name, request.arguments(), arguments)));
        } catch (ToolRefusal r) {
            outcome = r.code();
            return Results.error(r);
        } catch (IllegalArgumentException e) {
            // a domain value refused its input (a file path, a title too long): the caller's to fix
            outcome = "invalid-input";
            return Results.error(new ToolRefusal("invalid-input", name + ": " + e.getMessage()));
        } catch (RuntimeException e) {
            outcome = "internal-error";
            LOG.atError().addKeyValue("tool", name).setCause(e).log("MCP tool failed");
            return Results.error(new ToolRefusal("internal-error", "the server failed; the call may be retried"));
        } finally {
            metrics.count(name, outcome);
            LOG.atInfo().addKeyValue("tool", name).addKeyValue("outcome", outcome)
                    .addKeyValue("agent", caller.agent() == null ? null : caller.agent().toString())
                    .addKeyValue("ip", caller.ip())
                    .addKeyValue("ms", (System.nanoTime() - start) / 1_000_000)
                    .log("mcp tool {} {}", name, outcome);
        }
    }
}
