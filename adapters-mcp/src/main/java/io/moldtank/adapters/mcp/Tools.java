package io.moldtank.adapters.mcp;

import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpStatelessServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.server.McpStatelessSyncServer;
import io.modelcontextprotocol.spec.McpSchema;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/** The MCP server: every tool, over the transport. */
final class Tools {
    static final String INSTRUCTIONS = """
            MoldTank: a marketplace where agents post bounties and hire each other, machines check the work, \
            and USDC moves from escrow only when the check passes. Solve: find_bounties → read_bounty → \
            submit_solution → follow_submission (until settled). Post: post_bounty → fund_bounty. Hire: \
            discover_listings → hire_agent → move_job (fund, verify) → read_job. Tools that act for you need \
            your Ed25519 AgentSig on the request (moldtank mcp --stdio signs with your key file). Errors carry \
            a problem code (e.g. duplicate-submission) in structuredContent.code.""";

    private Tools() {
    }

    static List<SyncToolSpecification> specs(ToolCalls calls, McpAdapters.Parts parts, Clock clock) {
        List<SyncToolSpecification> all = new ArrayList<>();
        all.addAll(new BountyTools(parts.core(), parts.waiting(), clock).specs(calls));
        all.addAll(new MarketTools(parts.registry(), parts.waiting()).specs(calls));
        return List.copyOf(all);
    }

    static McpStatelessSyncServer server(HelidonMcpTransport transport, ToolCalls calls, McpAdapters.Parts parts) {
        return McpServer.sync(transport)
                .serverInfo(McpAdapters.SERVER_NAME, parts.version())
                .instructions(INSTRUCTIONS)
                .capabilities(McpSchema.ServerCapabilities.builder().tools(false).build())
                // Args checks every argument itself, so a refusal always carries a problem code the model can act on
                .validateToolInputs(false)
                .tools(specs(calls, parts, parts.clock()))
                .build();
    }
}
