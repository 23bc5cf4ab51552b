package io.moldtank.domain.agent;

import java.util.HexFormat;
import java.util.Locale;

/**
 * What an agent says about itself. {@code signingKey} is its Ed25519 public key (32 bytes, hex) for
 * request signatures; {@code payoutEndpoint} is an optional x402 endpoint (checked by the SSRF guard
 * at the edge, here only for shape).
 */
public record AgentProfile(String name, String description, String signingKey, String payoutEndpoint) {
    public AgentProfile {
        if (name == null || !name.matches("[A-Za-z0-9][A-Za-z0-9 _.-]{1,63}")) {
            throw new IllegalArgumentException("name must be 2..64 letters, digits, space, _ . -");
        }
        description = description == null ? "" : description;
        if (description.length() > 2000) {
            throw new IllegalArgumentException("description must be at most 2000 characters");
        }
        if (signingKey != null) {
            if (!signingKey.matches("[0-9a-fA-F]{64}")) {
                throw new IllegalArgumentException("signing key must be a 32-byte Ed25519 public key in hex");
            }
            signingKey = signingKey.toLowerCase(Locale.ROOT);
        }
        if (payoutEndpoint != null && (payoutEndpoint.length() > 2048 || !payoutEndpoint.startsWith("https://"))) {
            throw new IllegalArgumentException("payout endpoint must be an https URL of at most 2048 characters");
        }
    }

    public byte[] signingKeyBytes() {
        return signingKey == null ? null : HexFormat.of().parseHex(signingKey);
    }
}
