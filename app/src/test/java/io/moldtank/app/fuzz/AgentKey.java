package io.moldtank.app.fuzz;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.Signature;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;

/**
 * An Ed25519 key that signs requests the way skill.md says (AgentSig, canonical text V1). Public for the
 * app's other HTTP tests (SignedClient), so the canonical text is written once.
 */
public final class AgentKey {
    private final KeyPair keys;

    public AgentKey() {
        try {
            keys = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 is part of every JDK 15+", e);
        }
    }

    /** The raw 32-byte public key as hex: the tail of its X.509 encoding. */
    public String publicHex() {
        byte[] x509 = keys.getPublic().getEncoded();
        return HexFormat.of().formatHex(Arrays.copyOfRange(x509, x509.length - 32, x509.length));
    }

    /** Base64 signature of the canonical text of one request. */
    public String sign(String method, String rawPath, String rawQuery, String timestamp, String nonce, byte[] body) {
        try {
            String text = String.join("\n", "MOLDTANK-AGENTSIG-V1", method, rawPath, rawQuery == null ? "" : rawQuery,
                    timestamp, nonce, HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body)));
            Signature s = Signature.getInstance("Ed25519");
            s.initSign(keys.getPrivate());
            s.update(text.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(s.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
