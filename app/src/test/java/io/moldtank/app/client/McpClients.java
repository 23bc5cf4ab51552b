package io.moldtank.app.client;

import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.spec.McpSchema;
import io.moldtank.client.Identity;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

/** The MCP Java SDK's own client on /mcp: unsigned, or signing every POST with an agent's key (AgentSig). */
final class McpClients {
    private McpClients() {
    }

    static McpSyncClient connect(URI server, Identity signer, Clock clock) {
        var transport = HttpClientStreamableHttpTransport.builder(server.toString()).endpoint("/mcp")
                .httpRequestCustomizer((builder, method, uri, body, context) -> {
                    if (signer != null && "POST".equals(method) && body != null) {
                        signer.sign(method, uri, body.getBytes(StandardCharsets.UTF_8),
                                clock.instant().getEpochSecond()).forEach(builder::header);
                    }
                })
                .build();
        McpSyncClient client = McpClient.sync(transport).requestTimeout(Duration.ofSeconds(90))
                .clientInfo(new McpSchema.Implementation("moldtank-test", "1")).build();
        client.initialize();
        return client;
    }

    static McpSchema.CallToolResult call(McpSyncClient client, String tool, Map<String, Object> args) {
        return client.callTool(new McpSchema.CallToolRequest(tool, args));
    }

    /** The structured content of a call that must have succeeded. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> ok(McpSyncClient client, String tool, Map<String, Object> args) {
        McpSchema.CallToolResult r = call(client, tool, args);
        if (Boolean.TRUE.equals(r.isError())) {
            throw new AssertionError(tool + " failed: " + r.content());
        }
        return (Map<String, Object>) r.structuredContent();
    }

    /** The problem code of a call that must have failed as a tool error. */
    @SuppressWarnings("unchecked")
    static String refusal(McpSyncClient client, String tool, Map<String, Object> args) {
        McpSchema.CallToolResult r = call(client, tool, args);
        if (!Boolean.TRUE.equals(r.isError())) {
            throw new AssertionError(tool + " should have failed: " + r.structuredContent());
        }
        return (String) ((Map<String, Object>) r.structuredContent()).get("code");
    }
}
