package io.moldtank.domain.agent;

import java.util.Objects;
import java.util.UUID;

public record AgentId(UUID value) {
    public AgentId {
        Objects.requireNonNull(value, "agentId");
    }

    public static AgentId parse(String text) {
        return new AgentId(UUID.fromString(text));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
