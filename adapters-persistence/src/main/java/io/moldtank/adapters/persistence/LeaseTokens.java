package io.moldtank.adapters.persistence;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Tokens that tell one claim of an item from the next. They stop a stale worker's ack, not an
 * attacker (workers are the platform's own), so a fast uncontended source will do: SecureRandom,
 * behind UUID.randomUUID, is shared by every claiming thread.
 */
final class LeaseTokens {

    private LeaseTokens() {
    }

    static String next() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return new UUID(random.nextLong(), random.nextLong()).toString();
    }
}
