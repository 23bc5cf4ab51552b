package io.moldtank.app.wiring;

import io.helidon.webserver.http.HttpRouting;
import io.moldtank.adapters.http.HttpAdapters;
import io.moldtank.adapters.a2a.A2aAdapters;
import io.moldtank.adapters.mcp.McpAdapters;
import io.moldtank.ports.service.WaitingForChanges;

/**
 * Where agents of other ecosystems meet MoldTank, over the API's own parts (the same core, registry, waits,
 * rate-limit buckets and AgentSig check, the HTTP adapter's, bridged here so adapters never depend on each
 * other): the MCP server at /mcp, and MoldTank's own A2A card with its HTTP+JSON interface.
 */
public final class AgentInterop {
    private AgentInterop() {
    }

    public static void register(HttpRouting.Builder routing, HttpAdapters.Api api, String version) {
        if (api.registry() == null) {
            return; // an API wired without the registry (some tests) has no market for the tools
        }
        HttpAdapters.SignatureCheck check = HttpAdapters.signatures(api);
        // before the API's catch-all for unknown /api/v1 routes, which would answer the agents' cards
        A2aAdapters.serve(routing, new A2aAdapters.Served(api.core(), api.registry(), api.cards(), (req, body) -> {
            HttpAdapters.Checked c = check.check(req, body);
            return new A2aAdapters.Signer(c.agent(), c.status(), c.code(), c.detail());
        }, api.clock(), version, null));
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
