package io.moldtank.domain.a2a;

import io.moldtank.domain.agent.AgentId;
import io.moldtank.domain.shared.UntrustedText;
import java.time.Instant;
import java.util.Objects;

/**
 * What MoldTank knows of an agent's card: the endpoint the agent named, the last card that validated
 * (kept through later failures), why the last try failed, the ETag to send back, and when to fetch again.
 */
public record CardState(AgentId agent, String endpoint, Status status, AgentCard card, String reason, String etag,
                        Instant checkedAt, Instant nextFetchAt) {
    public static final int REASON = 300;

    public enum Status {
        /** Named, not fetched yet. */
        PENDING,
        /** The last fetch gave a valid card (or 304 for the one kept). */
        OK,
        /** The last fetch failed or the card did not validate; {@code reason} says why. */
        FAILED
    }

    public CardState {
        Objects.requireNonNull(agent, "agent");
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(nextFetchAt, "nextFetchAt");
        reason = UntrustedText.optional(reason, REASON);
        etag = UntrustedText.optional(etag, 200);
        if (status == Status.OK && card == null) {
            throw new IllegalArgumentException("an OK state carries its card");
        }
        if (status == Status.FAILED && reason == null) {
            throw new IllegalArgumentException("a FAILED state says why");
        }
    }

    /** Just named: fetched as soon as the refresher runs. */
    public static CardState named(AgentId agent, String endpoint, Instant now) {
        return new CardState(agent, endpoint, Status.PENDING, null, null, null, null, now);
    }

    public CardState fetched(AgentCard fresh, String newEtag, Instant now, Instant next) {
        return new CardState(agent, endpoint, Status.OK, fresh, null, newEtag, now, next);
    }

    /** 304: the kept card is still current. */
    public CardState unchanged(Instant now, Instant next) {
        return card == null ? new CardState(agent, endpoint, Status.FAILED, null, "304 Not Modified without a kept card",
                null, now, next) : new CardState(agent, endpoint, Status.OK, card, null, etag, now, next);
    }

    public CardState failed(String why, Instant now, Instant next) {
        return new CardState(agent, endpoint, Status.FAILED, card, why, etag, now, next);
    }
}
