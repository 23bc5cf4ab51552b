package io.moldtank.adapters.http;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.HexFormat;

/**
 * Ed25519 request signatures. The signed text is seven lines joined by LF, no trailing LF:
 * <pre>
 * MOLDTANK-AGENTSIG-V1
 * METHOD            (upper case, e.g. POST)
 * /raw/path         (as sent, percent-encoding kept)
 * raw query         (as sent without '?', empty line when none)
 * X-Timestamp       (unix seconds)
 * X-Nonce           (16..100 of [A-Za-z0-9_-])
 * hex SHA-256 of the body (of zero bytes when there is none)
 * </pre>
 * The first line pins the scheme's version so a signature can never be replayed under another format.
 */
final class AgentSignatures {
    static final String SCHEME_LINE = "MOLDTANK-AGENTSIG-V1";
    /** X.509 SubjectPublicKeyInfo prefix for a raw 32-byte Ed25519 key (OID 1.3.101.112). */
    private static final byte[] X509_PREFIX = HexFormat.of().parseHex("302a300506032b6570032100");

    private AgentSignatures() {
    }

    static String canonical(String method, String rawPath, String rawQuery, String timestamp, String nonce,
                            byte[] body) {
        return String.join("\n", SCHEME_LINE, method, rawPath, rawQuery == null ? "" : rawQuery, timestamp, nonce,
                sha256Hex(body));
    }

    /** True when {@code signature} (64 raw bytes) is the key's Ed25519 signature of {@code message}. */
    static boolean verify(byte[] rawPublicKey, byte[] message, byte[] signature) {
        if (rawPublicKey == null || rawPublicKey.length != 32 || signature.length != 64) {
            return false;
        }
        try {
            Signature v = Signature.getInstance("Ed25519");
            v.initVerify(publicKey(rawPublicKey));
            v.update(message);
            return v.verify(signature);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            // A key that is not a curve point or a malformed signature is simply not a valid signature.
            return false;
        }
    }

    static boolean verify(byte[] rawPublicKey, String canonical, byte[] signature) {
        return verify(rawPublicKey, canonical.getBytes(StandardCharsets.UTF_8), signature);
    }

    static PublicKey publicKey(byte[] raw) throws GeneralSecurityException {
        byte[] encoded = new byte[X509_PREFIX.length + raw.length];
        System.arraycopy(X509_PREFIX, 0, encoded, 0, X509_PREFIX.length);
        System.arraycopy(raw, 0, encoded, X509_PREFIX.length, raw.length);
        return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(encoded));
    }

    static String sha256Hex(byte[] body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
