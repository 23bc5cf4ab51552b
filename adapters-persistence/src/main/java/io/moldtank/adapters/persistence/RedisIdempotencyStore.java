package io.moldtank.adapters.persistence;

import io.lettuce.core.RedisException;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.sync.RedisCommands;
import io.moldtank.ports.out.guard.GuardUnavailableException;
import io.moldtank.ports.out.guard.IdempotencyStore;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Idempotency records as Redis hashes, each operation one Lua script (atomic), expired by Redis
 * itself ({@code PEXPIRE}). Bodies are stored base64: the connection's codec is UTF-8 text, which
 * would mangle arbitrary bytes.
 */
final class RedisIdempotencyStore implements IdempotencyStore {

    private static final RedisScript CLAIM = RedisScript.load("idempotency-claim");
    private static final RedisScript COMPLETE = RedisScript.load("idempotency-complete");
    private static final RedisScript RELEASE = RedisScript.load("idempotency-release");

    private final RedisCommands<String, String> redis;
    private final String prefix;

    RedisIdempotencyStore(RedisCommands<String, String> redis, String prefix) {
        this.redis = redis;
        this.prefix = prefix;
    }

    @Override
    public Claim claim(String key, String fingerprint, Duration ttl) {
        IdempotencyStore.check(key, fingerprint, ttl);
        // a token of this call, so a script Lettuce re-sends after a reconnect recognises its own claim
        String token = UUID.randomUUID().toString();
        List<Object> r = call("claim", () -> CLAIM.run(redis, ScriptOutputType.MULTI, keys(key), fingerprint, token,
                millis(ttl)));
        return switch ((String) r.get(0)) {
            case "fresh" -> new Claim.Fresh();
            case "inflight" -> new Claim.InFlight();
            case "mismatch" -> new Claim.Mismatch();
            case "replay" -> new Claim.Replay(new Stored(Integer.parseInt((String) r.get(1)), (String) r.get(2),
                    Base64.getDecoder().decode((String) r.get(3))));
            default -> throw new IllegalStateException("unexpected idempotency-claim reply " + r);
        };
    }

    @Override
    public void complete(String key, Stored answer, Duration ttl) {
        IdempotencyStore.check(key, "-", ttl);
        call("complete", () -> COMPLETE.run(redis, ScriptOutputType.INTEGER, keys(key), Integer.toString(answer.status()),
                answer.contentType(), Base64.getEncoder().encodeToString(answer.body()), millis(ttl)));
    }

    @Override
    public void release(String key) {
        call("release", () -> RELEASE.run(redis, ScriptOutputType.INTEGER, keys(key)));
    }

    private String[] keys(String key) {
        return new String[] {prefix + ":idem:" + key};
    }

    private static String millis(Duration ttl) {
        return Long.toString(Math.max(1, ttl.toMillis()));
    }

    private static <T> T call(String what, Supplier<T> command) {
        try {
            return command.get();
        } catch (RedisException e) {
            throw new GuardUnavailableException("Redis idempotency " + what + " failed: " + e.getMessage(), e);
        }
    }
}
