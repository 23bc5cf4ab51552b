package io.moldtank.adapters.mcp;

import io.moldtank.domain.agent.AgentId;
import java.util.Objects;

/** Who sent one MCP request: its IP, and the agent whose valid signature it carries (null when unsigned). */
record Caller(String ip, AgentId agent) {
    Caller {
        Objects.requireNonNull(ip, "ip");
    }

    static Caller anonymous(String ip) {
        return new Caller(ip, null);
    }

    static Caller signed(String ip, AgentId agent) {
        return new Caller(ip, Objects.requireNonNull(agent, "agent"));
    }

    /** The signing agent, for a tool that writes or reads what only its parties may see. */
    AgentId requireAgent(String tool) {
        if (agent == null) {
            throw new ToolRefusal("signature-required", tool + " acts for an agent: sign the HTTP request with "
                    + "AgentSig (or use `moldtank mcp --stdio`, which signs with your key file)");
        }
        return agent;
    }
}
