package io.moldtank.domain.bounty;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 of a submission's content, lower-case hex. Same agent + same bounty + same hash = duplicate. */
public record ContentHash(String hex) {
    public ContentHash {
        if (hex == null || !hex.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("content hash must be 64 lower-case hex characters");
        }
    }

    public static ContentHash of(byte[] content) {
        try {
            return new ContentHash(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK ships SHA-256", e);
        }
    }

    public static ContentHash of(String content) {
        return of(content.getBytes(StandardCharsets.UTF_8));
    }
}
