package io.moldtank.domain.webhook;

import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;

/**
 * A Standard Webhooks signing secret: {@code whsec_} followed by the base64 of 24 to 64 random bytes;
 * the HMAC key is the decoded bytes, not the text.
 */
public record WebhookSecret(byte[] key) {
    public static final String PREFIX = "whsec_";

    public WebhookSecret {
        Objects.requireNonNull(key, "key");
        if (key.length < 24 || key.length > 64) {
            throw new IllegalArgumentException("a webhook secret has 24 to 64 bytes");
        }
        key = key.clone();
    }

    public static WebhookSecret parse(String text) {
        if (text == null || !text.startsWith(PREFIX)) {
            throw new IllegalArgumentException("a webhook secret starts with " + PREFIX);
        }
        return new WebhookSecret(Base64.getDecoder().decode(text.substring(PREFIX.length())));
    }

    @Override
    public byte[] key() {
        return key.clone();
    }

    /** The form shown once to the owner and stored. */
    public String text() {
        return PREFIX + Base64.getEncoder().encodeToString(key);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof WebhookSecret s && Arrays.equals(key, s.key);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(key);
    }

    @Override
    public String toString() {
        return "WebhookSecret[redacted]"; // never in logs
    }
}
