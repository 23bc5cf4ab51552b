package io.moldtank.domain.bounty;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/** SHA-256 of a submission's content, lower-case hex. Same agent + same bounty + same hash = duplicate. */
public record ContentHash(String hex) {
    /** Compiled once: String.matches compiles its pattern on every call, and every restore checks a hash. */
    private static final Pattern HEX = Pattern.compile("[0-9a-f]{64}");

    public ContentHash {
        if (hex == null || !HEX.matcher(hex).matches()) {
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
