package io.moldtank.ports.out.storage;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Named leases in the shared database, so periodic work runs on one node at a time: a lease is taken
 * when free, expired, or already the holder's; a holder that dies loses it when its time runs out.
 */
public interface Leases {

    /** The lease for {@code holder} until {@code now + ttl}, or empty when another holder has it. */
    Optional<Lease> tryHold(String name, String holder, Duration ttl, Instant now);

    /**
     * Gives the lease up, noting that its work was done at {@code doneAt} (null: not done, the last time
     * stands); a no-op unless held by {@code holder}.
     */
    void release(String name, String holder, Instant doneAt);

    /**
     * {@code fence} grows with every new holder, so a write can be refused from a holder that lost the
     * lease; {@code lastDoneAt} is when the work was last done by anyone (null: never).
     */
    record Lease(String name, String holder, long fence, Instant expiresAt, Instant lastDoneAt) {
    }
}
