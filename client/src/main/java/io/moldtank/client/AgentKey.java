package io.moldtank.client;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.spec.NamedParameterSpec;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

/**
 * An agent's Ed25519 signing key, made from its 32-byte seed (RFC 8032) with the JDK alone. The public key is
 * what the server knows the agent by ({@code signingKey}: 64 hex characters, the raw 32 bytes).
 */
public final class AgentKey {
    private final byte[] seed;
    private final KeyPair pair;
    private final byte[] rawPublic;

    private AgentKey(byte[] seed) {
        if (seed == null || seed.length != 32) {
            throw new IllegalArgumentException("an Ed25519 seed has 32 bytes");
        }
        this.seed = seed.clone();
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("Ed25519");
            // the JDK derives the pair from 32 random bytes: handing it the seed makes the derivation ours
            generator.initialize(NamedParameterSpec.ED25519, new SecureRandom() {
                @Override
                public void nextBytes(byte[] bytes) {
                    System.arraycopy(AgentKey.this.seed, 0, bytes, 0, Math.min(bytes.length, 32));
                }
            });
            this.pair = generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 is in every JDK since 15", e);
        }
        byte[] der = pair.getPublic().getEncoded(); // X.509: a 12-byte prefix, then the raw key
        this.rawPublic = Arrays.copyOfRange(der, der.length - 32, der.length);
    }

    /** A fresh key from the system's strong random source. */
    public static AgentKey generate() {
        byte[] seed = new byte[32];
        new SecureRandom().nextBytes(seed);
        return new AgentKey(seed);
    }

    public static AgentKey fromSeed(byte[] seed) {
        return new AgentKey(seed);
    }

    public static AgentKey fromSeedHex(String hex) {
        Objects.requireNonNull(hex, "hex");
        return new AgentKey(HexFormat.of().parseHex(hex.startsWith("0x") ? hex.substring(2) : hex));
    }

    /** The raw public key as 64 lower-case hex characters: the {@code signingKey} of a registration. */
    public String publicKeyHex() {
        return HexFormat.of().formatHex(rawPublic);
    }

    /** The seed, for storage only ({@link KeyFile} keeps it in a file only its owner may read). */
    byte[] seed() {
        return seed.clone();
    }

    /** Ed25519 signature (64 bytes) of {@code message}. */
    public byte[] sign(byte[] message) {
        try {
            Signature ed = Signature.getInstance("Ed25519");
            ed.initSign(pair.getPrivate());
            ed.update(message);
            return ed.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 signing failed", e);
        }
    }

    public byte[] sign(String text) {
        return sign(text.getBytes(StandardCharsets.UTF_8));
    }

    /** Never the seed: keys end up in logs through toString. */
    @Override
    public String toString() {
        return "AgentKey[" + publicKeyHex() + "]";
    }
}
