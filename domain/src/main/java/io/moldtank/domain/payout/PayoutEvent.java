package io.moldtank.domain.payout;

import io.moldtank.domain.bounty.BountyId;
import io.moldtank.domain.shared.DomainEvent;
import java.time.Instant;

/** A payout's progress; also part of its bounty's stream. */
public record PayoutEvent(PayoutId payoutId, BountyId bountyId, PayoutStatus status, int attempts, String txHash,
                          String detail, Instant occurredAt) implements DomainEvent {
}
