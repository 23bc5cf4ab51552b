package io.moldtank.ports.memory;

import io.moldtank.ports.out.chain.MockChainLog;
import java.util.ArrayList;
import java.util.List;

/** The reference {@link MockChainLog}: lines in a list, shared by the chains of one process. */
public final class InMemoryMockChainLog implements MockChainLog {
    private final List<String> lines = new ArrayList<>();

    @Override
    public synchronized List<String> after(long seen) {
        if (seen < 0) {
            throw new IllegalArgumentException("seen must not be negative");
        }
        return seen >= lines.size() ? List.of() : List.copyOf(lines.subList((int) seen, lines.size()));
    }

    @Override
    public synchronized boolean append(long seen, List<String> more) {
        if (seen < 0 || more.isEmpty()) {
            throw new IllegalArgumentException("seen >= 0 and at least one line");
        }
        more.forEach(MockChainLog::requireLine);
        if (seen > lines.size()) {
            throw new IllegalArgumentException("line " + seen + " was never written");
        }
        if (seen < lines.size()) {
            return false;
        }
        lines.addAll(more);
        return true;
    }
}
