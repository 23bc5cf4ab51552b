package io.moldtank.ports.memory;

import io.moldtank.ports.out.storage.OperatorAudit;
import java.util.ArrayList;
import java.util.List;

/** The operator audit log in memory, for tests and embedders; ids count from 1. */
public final class InMemoryOperatorAudit implements OperatorAudit {
    private final List<Entry> entries = new ArrayList<>();

    @Override
    public synchronized void append(Entry e) {
        entries.add(new Entry(entries.size() + 1, e.at(), e.operator(), e.action(), e.target(), e.before(), e.after(),
                e.outcome(), e.note()));
    }

    @Override
    public synchronized List<Entry> latest(int limit) {
        List<Entry> out = new ArrayList<>(entries.subList(Math.max(0, entries.size() - limit), entries.size()));
        java.util.Collections.reverse(out);
        return out;
    }
}
