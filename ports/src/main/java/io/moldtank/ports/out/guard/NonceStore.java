package io.moldtank.ports.out.guard;

import java.time.Duration;

/** Remembers request nonces so a signed request is accepted once. */
public interface NonceStore {
    /** Records {@code nonce} for {@code ttl}; returns false if it was already seen and not yet expired. */
    boolean firstUse(String nonce, Duration ttl);
}
