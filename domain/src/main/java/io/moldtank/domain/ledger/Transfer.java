package io.moldtank.domain.ledger;

import java.time.Instant;
import java.util.Objects;

/** A transfer the ledger has recorded. {@code twoPhase} marks a hold, whatever its current state. */
public record Transfer(TransferRequest request, boolean twoPhase, TransferState state, Instant recordedAt) {
    public Transfer {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(recordedAt, "recordedAt");
        if (!twoPhase && state != TransferState.POSTED) {
            throw new IllegalArgumentException("a simple transfer is always posted");
        }
    }

    public TransferId id() {
        return request.id();
    }

    /** Whether a new request with the same id asks for exactly this transfer. */
    boolean sameAs(TransferRequest other, boolean otherTwoPhase) {
        return request.equals(other) && twoPhase == otherTwoPhase;
    }

    Transfer resolvedAs(TransferState resolution) {
        return new Transfer(request, twoPhase, resolution, recordedAt);
    }
}
