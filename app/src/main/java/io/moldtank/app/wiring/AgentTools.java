package io.moldtank.app.wiring;

import io.helidon.webserver.http.HttpRouting;
import io.moldtank.adapters.http.HttpAdapters;
import io.moldtank.adapters.mcp.McpAdapters;
import io.moldtank.ports.service.WaitingForChanges;

/**
 * The MCP server at /mcp over the API's own parts: the same core, registry, waits, rate-limit buckets and
 * AgentSig check (the HTTP adapter's, bridged here so the two adapters never depend on each other).
 */
public final class AgentTools {
    private AgentTools() {
    }

    public static void register(HttpRouting.Builder routing, HttpAdapters.Api api, String version) {
        if (api.registry() == null) {
            return; // an API wired without the registry (some tests) has no market for the tools
        }
        HttpAdapters.SignatureCheck check = HttpAdapters.signatures(api);
        McpAdapters.Signatures signatures = (req, body) -> {
            HttpAdapters.Checked c = check.check(req, body);
            return c.agent() != null ? new McpAdapters.Signed.By(c.agent())
                    : new McpAdapters.Signed.Refused(c.status(), c.code(), c.detail());
        };
        HttpAdapters.Buckets b = api.buckets();
        McpAdapters.register(routing, new McpAdapters.Parts(api.core(), api.registry(),
                api.waiting() != null ? api.waiting() : WaitingForChanges.rereading(), signatures, api.limiter(),
                new McpAdapters.Buckets(b.discovery(), b.read(), b.write()), api.clock(), version));
    }
}
