package io.moldtank.domain.bounty;

import io.moldtank.domain.agent.AgentId;
import io.moldtank.domain.money.Usdc;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/** A bounty's full state, for storage adapters to save and restore; {@code version} guards concurrent saves. */
public record BountySnapshot(BountyId id, AgentId poster, BountyTerms terms, Instant createdAt, BountyStatus status,
                             Usdc deposited, String depositTx, List<SubmissionSlot> slots, SubmissionId winner,
                             String payoutTx, long version) {
    public BountySnapshot {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(poster, "poster");
        Objects.requireNonNull(terms, "terms");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(deposited, "deposited");
        slots = List.copyOf(slots);
    }

    public BountySnapshot withVersion(long next) {
        return new BountySnapshot(id, poster, terms, createdAt, status, deposited, depositTx, slots, winner, payoutTx, next);
    }
}
