package io.moldtank.adapters.persistence;

import io.lettuce.core.RedisException;
import io.lettuce.core.SetArgs;
import io.lettuce.core.api.sync.RedisCommands;
import io.moldtank.ports.out.guard.GuardUnavailableException;
import io.moldtank.ports.out.guard.NonceStore;
import java.time.Duration;

/** Nonces as Redis keys set with {@code SET key 1 NX PX ttl}: one atomic command, expired by Redis. */
final class RedisNonceStore implements NonceStore {

    private final RedisCommands<String, String> redis;
    private final String prefix;

    RedisNonceStore(RedisCommands<String, String> redis, String prefix) {
        this.redis = redis;
        this.prefix = prefix;
    }

    @Override
    public boolean firstUse(String nonce, Duration ttl) {
        NonceStore.check(nonce, ttl);
        try {
            return "OK".equals(redis.set(prefix + ":nonce:" + nonce, "1", SetArgs.Builder.nx().px(Math.max(1, ttl.toMillis()))));
        } catch (RedisException e) {
            throw new GuardUnavailableException("Redis nonce check failed: " + e.getMessage(), e);
        }
    }
}
