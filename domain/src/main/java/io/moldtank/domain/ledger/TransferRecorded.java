package io.moldtank.domain.ledger;

import io.moldtank.domain.shared.DomainEvent;
import java.time.Instant;

/** A simple transfer posted, or a hold placed (then {@code transfer.state()} is PENDING). */
public record TransferRecorded(Transfer transfer, Instant occurredAt) implements DomainEvent {}
