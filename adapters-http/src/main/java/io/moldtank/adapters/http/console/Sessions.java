package io.moldtank.adapters.http.console;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Signed-in operators, by an unguessable session id held in an HttpOnly cookie. Each session has its
 * own CSRF token, put in every form and checked on every POST. Kept in this process: a restart or
 * another node means signing in again, which an operator token makes cheap, and logout truly ends it.
 */
final class Sessions {
    static final int MAX_SESSIONS = 1000;
    private static final SecureRandom RANDOM = new SecureRandom();

    record Session(String id, String operator, String csrf, Instant expiresAt) {
    }

    private final Map<String, Session> byId = new ConcurrentHashMap<>();
    private final Map<String, String> flashes = new ConcurrentHashMap<>();
    private final Clock clock;
    private final Duration lifetime;

    Sessions(Clock clock, Duration lifetime) {
        this.clock = clock;
        this.lifetime = lifetime;
    }

    Duration lifetime() {
        return lifetime;
    }

    Session start(String operator) {
        Instant now = clock.instant();
        byId.values().removeIf(s -> !s.expiresAt().isAfter(now));
        if (byId.size() >= MAX_SESSIONS) {
            throw new IllegalStateException("too many console sessions");
        }
        Session s = new Session(token(), operator, token(), now.plus(lifetime));
        byId.put(s.id(), s);
        return s;
    }

    Optional<Session> find(String id) {
        if (id == null) {
            return Optional.empty();
        }
        Session s = byId.get(id);
        if (s == null || !s.expiresAt().isAfter(clock.instant())) {
            if (s != null) {
                byId.remove(id);
            }
            return Optional.empty();
        }
        return Optional.of(s);
    }

    void end(String id) {
        if (id != null) {
            byId.remove(id);
            flashes.remove(id);
        }
    }

    /** A message for the next page this session sees (the outcome of the action it just posted). */
    void flash(String id, String message) {
        flashes.put(id, message);
    }

    String takeFlash(String id) {
        return flashes.remove(id);
    }

    private static String token() {
        byte[] b = new byte[32];
        RANDOM.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }
}
