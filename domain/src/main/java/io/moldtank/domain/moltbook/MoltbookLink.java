package io.moldtank.domain.moltbook;

import io.moldtank.domain.agent.AgentId;
import java.time.Instant;
import java.util.Objects;

/** An agent's verified Moltbook identity (the profile badge), as of its last verification. */
public record MoltbookLink(AgentId agent, MoltbookIdentity identity, Instant verifiedAt) {
    public MoltbookLink {
        Objects.requireNonNull(agent, "agent");
        Objects.requireNonNull(identity, "identity");
        Objects.requireNonNull(verifiedAt, "verifiedAt");
    }
}
