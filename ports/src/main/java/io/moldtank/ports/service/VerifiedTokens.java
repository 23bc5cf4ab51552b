package io.moldtank.ports.service;

import io.moldtank.ports.out.moltbook.IdentityVerifier.Verification;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Moltbook's answers by token (kept as a SHA-256, never the token), each until its own deadline, at most
 * {@code capacity} of them (the least recently used goes first): Moltbook verifies about 100 tokens a
 * minute per app, so a token is asked about once while it is valid.
 */
final class VerifiedTokens {
    private record Kept(Verification answer, Instant until) {
    }

    private final Map<String, Kept> entries;

    VerifiedTokens(int capacity) {
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Kept> eldest) {
                return size() > capacity;
            }
        };
    }

    synchronized Verification get(String token, Instant now) {
        String key = key(token);
        Kept e = entries.get(key);
        if (e == null) {
            return null;
        }
        if (!now.isBefore(e.until())) {
            entries.remove(key);
            return null;
        }
        return e.answer();
    }

    synchronized void put(String token, Verification answer, Instant until) {
        entries.put(key(token), new Kept(answer, until));
    }

    synchronized int size() {
        return entries.size();
    }

    private static String key(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
