package io.moldtank.ports.out.guard;

import java.time.Duration;
import java.util.Objects;

/**
 * Remembers the first answer to a request sent with an {@code Idempotency-Key}, so a retried request
 * gets that answer instead of doing the work twice. A key is claimed with the fingerprint of its request
 * (method, path, body hash); the same key with another fingerprint is a client error, not a replay.
 */
public interface IdempotencyStore {

    /** Longest accepted key (callers scope keys by caller, so this includes their prefix). */
    int MAX_KEY_LENGTH = 300;

    /**
     * Atomically claims {@code key} for {@code fingerprint}: of concurrent first claims exactly one is
     * {@link Claim.Fresh}. A claim not completed or released within {@code ttl} lapses.
     */
    Claim claim(String key, String fingerprint, Duration ttl);

    /** Stores the answer of a fresh claim; later claims with the same fingerprint replay it. */
    void complete(String key, Stored answer, Duration ttl);

    /** Forgets a claim whose work failed and changed nothing, so the client may retry. */
    void release(String key);

    /** A recorded answer: HTTP status, content type and body bytes. */
    record Stored(int status, String contentType, byte[] body) {
        public Stored {
            Objects.requireNonNull(contentType, "contentType");
            body = body.clone();
        }

        @Override
        public byte[] body() {
            return body.clone();
        }
    }

    sealed interface Claim {
        /** Nobody used the key: do the work, then complete or release. */
        record Fresh() implements Claim {
        }

        /** Done before with the same request: answer with this. */
        record Replay(Stored answer) implements Claim {
        }

        /** The key was used for another request. */
        record Mismatch() implements Claim {
        }

        /** The first request with this key is still running. */
        record InFlight() implements Claim {
        }
    }

    static void check(String key, String fingerprint, Duration ttl) {
        if (key == null || key.isEmpty() || key.length() > MAX_KEY_LENGTH) {
            throw new IllegalArgumentException("idempotency key must be 1.." + MAX_KEY_LENGTH + " characters");
        }
        Objects.requireNonNull(fingerprint, "fingerprint");
        if (ttl == null || ttl.isNegative() || ttl.isZero()) {
            throw new IllegalArgumentException("ttl must be positive");
        }
    }
}
