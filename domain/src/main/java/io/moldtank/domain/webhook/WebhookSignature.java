package io.moldtank.domain.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.List;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

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
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.key(), "HmacSHA256"));
            byte[] signed = mac.doFinal((messageId + "." + timestampSeconds + "." + body)
                    .getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(signed);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is in every JDK", e);
        }
    }
}
