package io.moldtank.domain.shared;

import java.util.Objects;

/**
 * An illegal move refused by an aggregate, carrying its typed reason. Thrown before any state
 * changes, so a refused call leaves the aggregate exactly as it was.
 */
public final class Rejection extends RuntimeException {
    private final Reason reason;

    public Rejection(Reason reason, String detail) {
        super(reason.code() + ": " + detail, null, false, false);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    public Reason reason() {
        return reason;
    }
}
