package io.moldtank.adapters.persistence;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Tokens that tell one call from another: a claim's lease from the next claim of the item, a call
 * from its re-sent copy. They stop a stale worker's ack or a double count, not an attacker, so a
 * fast uncontended source will do: SecureRandom, behind UUID.randomUUID, is shared by every thread.
 */
final class CallTokens {

    private CallTokens() {
    }

    static String next() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return new UUID(random.nextLong(), random.nextLong()).toString();
    }
}
