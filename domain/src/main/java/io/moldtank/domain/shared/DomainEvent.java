package io.moldtank.domain.shared;

import java.time.Instant;

/** Something that happened in the domain. Every state change of an aggregate records one. */
public interface DomainEvent {
    Instant occurredAt();
}
