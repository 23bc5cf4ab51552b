package io.moldtank.client;

import java.net.URI;
import java.util.Objects;

/**
 * Who an agent is to a server: its signing key, the id the server gave it at registration (null before), and
 * that server's base URL (null when not registered anywhere yet). What {@link KeyFile} stores.
 */
public record Identity(AgentKey key, String agentId, URI server) {
    public Identity {
        Objects.requireNonNull(key, "key");
    }

    /**
     * The AgentSig headers (Authorization, X-Timestamp, X-Nonce) for one request, signed by this key as the
     * registered agent: for callers that send their own requests, such as the MCP relay ({@code moldtank mcp
     * --stdio}) or an MCP client's request customizer. Each call makes a fresh nonce.
     */
    public java.util.Map<String, String> sign(String method, URI uri, byte[] body, long unixSeconds) {
        if (agentId == null) {
            throw new IllegalStateException("not registered: run `moldtank agent register` first");
        }
        return AgentSig.headers(key, agentId, method, uri.getRawPath(), uri.getRawQuery(), unixSeconds, body);
    }

    public Identity registeredAs(String id, URI at) {
        return new Identity(key, Objects.requireNonNull(id, "id"), at);
    }
}
