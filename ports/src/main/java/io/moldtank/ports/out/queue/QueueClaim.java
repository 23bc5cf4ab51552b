package io.moldtank.ports.out.queue;

import java.time.Instant;
import java.util.Objects;

/**
 * A leased item. {@code token} identifies this particular claim, so a worker whose lease lapsed
 * and was re-claimed by someone else cannot ack the newer claim.
 */
public record QueueClaim(QueuedSubmission item, String workerId, String token, int attempt, Instant leaseUntil) {
    public QueueClaim {
        Objects.requireNonNull(item, "item");
        Objects.requireNonNull(workerId, "workerId");
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(leaseUntil, "leaseUntil");
        if (attempt < 1) {
            throw new IllegalArgumentException("attempt starts at 1: " + attempt);
        }
    }
}
