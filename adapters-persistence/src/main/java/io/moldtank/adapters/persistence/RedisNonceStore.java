package io.moldtank.adapters.persistence;

import io.lettuce.core.RedisException;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.sync.RedisCommands;
import io.moldtank.ports.out.guard.GuardUnavailableException;
import io.moldtank.ports.out.guard.NonceStore;
import java.time.Duration;

/**
 * Nonces as Redis keys expired by Redis, set by one script (nonce-first-use.lua) that remembers which
 * call set them: Lettuce re-sends a call that was in flight when the connection dropped, and that
 * re-sent call must not find its own nonce and call it a replay.
 */
final class RedisNonceStore implements NonceStore {

    private static final RedisScript FIRST_USE = RedisScript.load("nonce-first-use");

    private final RedisCommands<String, String> redis;
    private final String prefix;

    RedisNonceStore(RedisCommands<String, String> redis, String prefix) {
        this.redis = redis;
        this.prefix = prefix;
    }

    @Override
    public boolean firstUse(String nonce, Duration ttl) {
        return firstUse(nonce, ttl, CallTokens.next());
    }

    /** With this call's token given, as a re-sent call carries the same one. */
    boolean firstUse(String nonce, Duration ttl, String callToken) {
        NonceStore.check(nonce, ttl);
        try {
            Long first = FIRST_USE.run(redis, ScriptOutputType.INTEGER, new String[] {prefix + ":nonce:" + nonce},
                    callToken, Long.toString(Math.max(1, ttl.toMillis())));
            return first == 1;
        } catch (RedisException e) {
            throw new GuardUnavailableException("Redis nonce check failed: " + e.getMessage(), e);
        }
    }
}
