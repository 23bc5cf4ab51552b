package io.moldtank.domain.shared;

import java.util.ArrayList;
import java.util.List;

/** Events an aggregate recorded since it was loaded; the application service drains them after saving. */
public final class EventLog {
    private final List<DomainEvent> pending = new ArrayList<>();

    public void record(DomainEvent event) {
        pending.add(event);
    }

    public List<DomainEvent> drain() {
        List<DomainEvent> out = List.copyOf(pending);
        pending.clear();
        return out;
    }

    public List<DomainEvent> peek() {
        return List.copyOf(pending);
    }
}
