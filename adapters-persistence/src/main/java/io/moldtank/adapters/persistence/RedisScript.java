package io.moldtank.adapters.persistence;

import io.lettuce.core.RedisNoScriptException;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.sync.RedisCommands;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** A Lua script from this module's resources, run by its SHA (and re-sent when Redis lost it). */
final class RedisScript {

    private final String body;
    private volatile String sha;

    private RedisScript(String body) {
        this.body = body;
    }

    /** Loads {@code redis/<name>.lua}, each preceded by the {@code redis/<prelude>.lua} files. */
    static RedisScript load(String name, String... preludes) {
        StringBuilder text = new StringBuilder();
        for (String prelude : preludes) {
            text.append(resource(prelude)).append('\n');
        }
        return new RedisScript(text.append(resource(name)).toString());
    }

    private static String resource(String name) {
        try (InputStream in = RedisScript.class.getResourceAsStream("redis/" + name + ".lua")) {
            if (in == null) {
                throw new IllegalStateException("missing script redis/" + name + ".lua");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    <T> T run(RedisCommands<String, String> redis, ScriptOutputType type, String[] keys, String... args) {
        String digest = sha;
        if (digest == null) {
            digest = sha = redis.scriptLoad(body);
        }
        try {
            return redis.evalsha(digest, type, keys, args);
        } catch (RedisNoScriptException e) {
            sha = redis.scriptLoad(body);
            return redis.evalsha(sha, type, keys, args);
        }
    }
}
