package io.moldtank.ports.out.guard;

import java.time.Duration;

/** Remembers request nonces so a signed request is accepted once. */
public interface NonceStore {

    /** Longest accepted nonce; callers reject longer ones before asking. */
    int MAX_NONCE_LENGTH = 200;

    /**
     * Records {@code nonce} for {@code ttl}; returns false if it was already seen and not yet expired.
     * Atomic: of concurrent first uses of one nonce exactly one gets true.
     *
     * @throws IllegalArgumentException for a blank or over-long nonce, or a ttl that is not positive
     */
    boolean firstUse(String nonce, Duration ttl);

    /** Checks the arguments of {@link #firstUse}; adapters call it before touching storage. */
    static void check(String nonce, Duration ttl) {
        if (nonce == null || nonce.isEmpty() || nonce.length() > MAX_NONCE_LENGTH) {
            throw new IllegalArgumentException("nonce must be 1.." + MAX_NONCE_LENGTH + " characters");
        }
        if (ttl == null || ttl.isNegative() || ttl.isZero()) {
            throw new IllegalArgumentException("ttl must be positive");
        }
    }
}
