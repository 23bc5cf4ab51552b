package io.moldtank.ports.out.events;

import io.moldtank.domain.shared.DomainEvent;
import java.util.List;

/**
 * Records domain events inside the current transaction (so they commit with the state change) and
 * hands them to subscribers once committed.
 */
public interface PublishEvents {
    void publish(List<DomainEvent> events);
}
