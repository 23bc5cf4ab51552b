package io.moldtank.domain.webhook;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The Standard Webhooks {@code webhook-signature} header: {@code v1,<base64 HMAC-SHA256 of
 * "id.timestamp.body">} per secret, space-separated, so a receiver accepts either secret during a rotation.
 */
public final class WebhookSignature {
    private WebhookSignature() {
    }

    public static String header(String messageId, long timestampSeconds, String body, List<WebhookSecret> secrets) {
        if (secrets.isEmpty()) {
            throw new IllegalArgumentException("at least one secret signs a delivery");
        }
        return secrets.stream().map(s -> "v1," + sign(messageId, timestampSeconds, body, s))
                .collect(Collectors.joining(" "));
    }

    /** The base64 HMAC-SHA256 of {@code id.timestamp.body} under {@code secret}'s bytes. */
    public static String sign(String messageId, long timestampSeconds, String body, WebhookSecret secret) {
        byte[] signed = hmacSha256(secret.key(), (messageId + "." + timestampSeconds + "." + body)
                .getBytes(StandardCharsets.UTF_8));
        return Base64.getEncoder().encodeToString(signed);
    }

    /** RFC 2104 over SHA-256, written out because the domain may use java.. only (javax.crypto is not). */
    static byte[] hmacSha256(byte[] key, byte[] message) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            byte[] block = new byte[64];
            byte[] k = key.length > 64 ? sha.digest(key) : key;
            System.arraycopy(k, 0, block, 0, k.length);
            byte[] inner = new byte[64];
            byte[] outer = new byte[64];
            for (int i = 0; i < 64; i++) {
                inner[i] = (byte) (block[i] ^ 0x36);
                outer[i] = (byte) (block[i] ^ 0x5c);
            }
            sha.update(inner);
            byte[] innerHash = sha.digest(message);
            sha.update(outer);
            return sha.digest(innerHash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is in every JDK", e);
        }
    }
}
