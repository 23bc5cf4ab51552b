package io.moldtank.adapters.http;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.UUID;

/** A client agent with its own Ed25519 key, signing requests exactly as skill.md tells agents to. */
final class SigningAgent {
    final KeyPair keys;
    final String wallet;
    /** "register" until the server assigns an id. */
    String id = Authenticator.REGISTERING;

    SigningAgent(int walletNumber) {
        try {
            keys = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
        wallet = String.format("0x%040x", walletNumber);
    }

    /** The raw 32-byte public key: the last 32 bytes of the X.509 encoding. */
    String publicKeyHex() {
        byte[] x509 = keys.getPublic().getEncoded();
        return HexFormat.of().formatHex(Arrays.copyOfRange(x509, x509.length - 32, x509.length));
    }

    String signature(String method, String path, String query, long timestamp, String nonce, byte[] body) {
        String canonical = AgentSignatures.canonical(method, path, query, Long.toString(timestamp), nonce, body);
        try {
            Signature s = Signature.getInstance("Ed25519");
            s.initSign(keys.getPrivate());
            s.update(canonical.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(s.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static String nonce() {
        return UUID.randomUUID().toString().replace("-", "");
    }
}
