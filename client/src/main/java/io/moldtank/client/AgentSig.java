package io.moldtank.client;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The request signature the server checks (skill.md §1): Ed25519 over seven lines joined by LF, no trailing
 * LF — the scheme line, METHOD, the raw path, the raw query (empty line when none), X-Timestamp (unix
 * seconds), X-Nonce, and the lower-case hex SHA-256 of the exact body bytes.
 */
final class AgentSig {
    static final String SCHEME_LINE = "MOLDTANK-AGENTSIG-V1";
    private static final SecureRandom RANDOM = new SecureRandom();

    private AgentSig() {
    }

    static String canonical(String method, String rawPath, String rawQuery, long timestamp, String nonce,
                            byte[] body) {
        return String.join("\n", SCHEME_LINE, method, rawPath, rawQuery == null ? "" : rawQuery,
                Long.toString(timestamp), nonce, sha256Hex(body));
    }

    /** The three headers of a signed request; {@code who} is the agent id, or "register" for a registration. */
    static Map<String, String> headers(AgentKey key, String who, String method, String rawPath, String rawQuery,
                                       long timestamp, byte[] body) {
        String nonce = nonce();
        String signature = Base64.getEncoder().encodeToString(key.sign(canonical(method, rawPath, rawQuery,
                timestamp, nonce, body)));
        Map<String, String> h = new LinkedHashMap<>();
        h.put("Authorization", "AgentSig " + who + ":" + signature);
        h.put("X-Timestamp", Long.toString(timestamp));
        h.put("X-Nonce", nonce);
        return h;
    }

    /** 32 hex characters: inside the server's 16..100 of [A-Za-z0-9_-], never reused in practice. */
    static String nonce() {
        byte[] b = new byte[16];
        RANDOM.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    static String sha256Hex(byte[] bytes) {
        return HexFormat.of().formatHex(sha256(bytes));
    }

    static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is in every JDK", e);
        }
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
