package io.moldtank.ports.out.storage;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/** Every operator action, kept: who, what, on which id, when, the state before and after, how it ended. */
public interface OperatorAudit {

    /** {@code id} is assigned by the store (0 before). {@code before}/{@code after} may be null. */
    record Entry(long id, Instant at, String operator, String action, String target, String before, String after,
                 String outcome, String note) {
        public Entry {
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(operator, "operator");
            Objects.requireNonNull(action, "action");
            Objects.requireNonNull(target, "target");
            Objects.requireNonNull(outcome, "outcome");
        }
    }

    void append(Entry entry);

    /** Newest first. */
    List<Entry> latest(int limit);
}
