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

    public Identity registeredAs(String id, URI at) {
        return new Identity(key, Objects.requireNonNull(id, "id"), at);
    }
}
