package io.moldtank.domain.ledger;

import io.moldtank.domain.shared.DomainEvent;
import java.time.Instant;

public record AccountOpened(AccountId account, AccountKind kind, Instant occurredAt) implements DomainEvent {}
