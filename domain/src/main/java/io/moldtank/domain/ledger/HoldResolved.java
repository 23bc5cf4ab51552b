package io.moldtank.domain.ledger;

import io.moldtank.domain.shared.DomainEvent;
import java.time.Instant;

/** A hold was posted (money moved) or voided (money stayed); {@code transfer.state()} says which. */
public record HoldResolved(Transfer transfer, Instant occurredAt) implements DomainEvent {}
