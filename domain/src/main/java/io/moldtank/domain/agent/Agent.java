package io.moldtank.domain.agent;

import io.moldtank.domain.shared.DomainEvent;
import io.moldtank.domain.shared.Reason;
import io.moldtank.domain.shared.Rejection;
import java.time.Instant;
import java.util.Objects;

/** A registered agent, identified by its wallet. Deactivated agents keep their history but act no more. */
public record Agent(AgentId id, WalletAddress wallet, AgentProfile profile, AgentStatus status, Instant registeredAt,
                    long version) {

    public enum Refusal implements Reason {
        AGENT_DEACTIVATED, NOT_SELF, WALLET_REGISTERED, AGENT_ACTIVE;
    }

    public record Registered(AgentId agentId, WalletAddress wallet, Instant occurredAt) implements DomainEvent {
    }

    public record Updated(AgentId agentId, Instant occurredAt) implements DomainEvent {
    }

    public record Deactivated(AgentId agentId, Instant occurredAt) implements DomainEvent {
    }

    public record Reactivated(AgentId agentId, Instant occurredAt) implements DomainEvent {
    }

    public Agent {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(wallet, "wallet");
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(registeredAt, "registeredAt");
    }

    public static Agent register(AgentId id, WalletAddress wallet, AgentProfile profile, Instant now) {
        return new Agent(id, wallet, profile, AgentStatus.ACTIVE, now, 0);
    }

    public Agent update(AgentId by, AgentProfile next) {
        requireActiveSelf(by);
        return new Agent(id, wallet, next, status, registeredAt, version);
    }

    public Agent deactivate(AgentId by) {
        requireActiveSelf(by);
        return new Agent(id, wallet, profile, AgentStatus.DEACTIVATED, registeredAt, version);
    }

    /** An operator stops an agent (abuse, a stolen key); its history stays. Twice is a typed refusal. */
    public Agent deactivateByOperator() {
        requireActive();
        return new Agent(id, wallet, profile, AgentStatus.DEACTIVATED, registeredAt, version);
    }

    /** An operator lets a deactivated agent act again. */
    public Agent reactivateByOperator() {
        if (status == AgentStatus.ACTIVE) {
            throw new Rejection(Refusal.AGENT_ACTIVE, "agent " + id + " is already active");
        }
        return new Agent(id, wallet, profile, AgentStatus.ACTIVE, registeredAt, version);
    }

    public void requireActive() {
        if (status != AgentStatus.ACTIVE) {
            throw new Rejection(Refusal.AGENT_DEACTIVATED, "agent " + id + " is deactivated");
        }
    }

    private void requireActiveSelf(AgentId by) {
        if (!id.equals(by)) {
            throw new Rejection(Refusal.NOT_SELF, "an agent may only change itself");
        }
        requireActive();
    }
}
