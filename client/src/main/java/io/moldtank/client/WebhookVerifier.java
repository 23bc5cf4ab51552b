package io.moldtank.client;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Standard Webhooks verification of a MoldTank delivery: {@code webhook-signature} holds one or two
 * {@code v1,<base64 HMAC-SHA256 of "id.timestamp.body">} (two during a secret rotation), the key being the
 * base64 after {@code whsec_}; {@code webhook-timestamp} must be within {@code tolerance} of now, so an old
 * delivery cannot be replayed. Deduplicate deliveries by {@code webhook-id}.
 */
public final class WebhookVerifier {
    public static final Duration DEFAULT_TOLERANCE = Duration.ofMinutes(5);

    private final byte[] key;

    public WebhookVerifier(String secret) {
        if (secret == null || !secret.startsWith("whsec_")) {
            throw new IllegalArgumentException("a MoldTank webhook secret starts with whsec_");
        }
        this.key = Base64.getDecoder().decode(secret.substring("whsec_".length()));
    }

    /** True when the headers (any case) sign {@code body} and the timestamp is fresh. */
    public boolean verify(Map<String, String> headers, byte[] body, Instant now, Duration tolerance) {
        Map<String, String> h = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        h.putAll(headers);
        String id = h.get("webhook-id");
        String ts = h.get("webhook-timestamp");
        String signatures = h.get("webhook-signature");
        if (id == null || ts == null || signatures == null || !ts.matches("\\d{1,12}")) {
            return false;
        }
        if (Duration.between(Instant.ofEpochSecond(Long.parseLong(ts)), now).abs().compareTo(tolerance) > 0) {
            return false;
        }
        byte[] expected = hmac(id + "." + ts + ".", body);
        for (String s : signatures.trim().split(" +")) {
            if (s.startsWith("v1,")) {
                try {
                    if (MessageDigest.isEqual(expected, Base64.getDecoder().decode(s.substring(3)))) {
                        return true;
                    }
                } catch (IllegalArgumentException notBase64) {
                    // another signature may still match
                }
            }
        }
        return false;
    }

    public boolean verify(Map<String, String> headers, byte[] body) {
        return verify(headers, body, Instant.now(), DEFAULT_TOLERANCE);
    }

    private byte[] hmac(String prefix, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            mac.update(prefix.getBytes(StandardCharsets.UTF_8));
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is in every JDK", e);
        }
    }
}
