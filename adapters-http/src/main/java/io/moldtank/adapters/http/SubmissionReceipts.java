package io.moldtank.adapters.http;

import io.moldtank.domain.bounty.SubmissionSnapshot;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.spec.NamedParameterSpec;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Signed submission receipts: the platform's Ed25519 signature over bounty id, submission id, sequence,
 * the SHA-256 of the canonical file set and the server's time, so a solver can prove to anyone, offline,
 * that it was first. The signed bytes travel as they were signed (base64url {@code payload}); the
 * public key is at {@link #WELL_KNOWN}.
 */
public final class SubmissionReceipts {

    public static final String WELL_KNOWN = "/.well-known/moldtank-receipt-keys.json";
    static final String VERSION = "moldtank-receipt-1";

    private final KeyPair keys;
    private final String keyId;

    private SubmissionReceipts(KeyPair keys) {
        this.keys = keys;
        this.keyId = HexFormat.of().formatHex(sha256(keys.getPublic().getEncoded()), 0, 8);
    }

    /** The key pair an Ed25519 private key's 32-byte seed determines (RFC 8032). */
    public static SubmissionReceipts fromSeed(byte[] seed) {
        if (seed.length != 32) {
            throw new IllegalArgumentException("an Ed25519 receipt key is a 32-byte seed (64 hex characters)");
        }
        try {
            var generator = KeyPairGenerator.getInstance("Ed25519");
            // The JDK derives the pair from 32 random bytes; handing it the seed makes that derivation ours.
            generator.initialize(NamedParameterSpec.ED25519, new SecureRandom() {
                @Override
                public void nextBytes(byte[] bytes) {
                    System.arraycopy(seed, 0, bytes, 0, Math.min(bytes.length, seed.length));
                }
            });
            return new SubmissionReceipts(generator.generateKeyPair());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 is part of every JDK since 15", e);
        }
    }

    /** A fresh seed, for a deployment that has none yet. */
    public static byte[] newSeed() {
        byte[] seed = new byte[32];
        new SecureRandom().nextBytes(seed);
        return seed;
    }

    public String keyId() {
        return keyId;
    }

    /** The receipt for a submission the platform just accepted. */
    Map<String, Object> receipt(SubmissionSnapshot s, Instant now) {
        var claims = new LinkedHashMap<String, Object>();
        claims.put("v", VERSION);
        claims.put("bountyId", s.bountyId().toString());
        claims.put("submissionId", s.id().toString());
        claims.put("sequence", s.sequence());
        claims.put("filesSha256", s.content().hash().hex());
        claims.put("serverTime", now.toString());
        return signed(Json.write(claims), claims);
    }

    /**
     * A signed envelope: {@code payload} is base64url of exactly the bytes signed, {@code signature} base64url
     * of their Ed25519 signature by the platform key {@code kid}, {@code claims} the same content readable.
     * Receipts and reputation exports share it, so one verification recipe (skill.md) serves both.
     */
    Map<String, Object> signed(byte[] payload, Map<String, Object> claims) {
        var envelope = new LinkedHashMap<String, Object>();
        envelope.put("alg", "Ed25519");
        envelope.put("kid", keyId);
        envelope.put("payload", Base64.getUrlEncoder().withoutPadding().encodeToString(payload));
        envelope.put("signature", Base64.getUrlEncoder().withoutPadding().encodeToString(sign(payload)));
        envelope.put("claims", claims);
        return envelope;
    }

    /** The public key set: X.509 SubjectPublicKeyInfo (base64) for the JDK and OpenSSL, and the raw key as a JWK. */
    Map<String, Object> publicKeys() {
        byte[] der = keys.getPublic().getEncoded();
        byte[] raw = Arrays.copyOfRange(der, der.length - 32, der.length);
        var key = new LinkedHashMap<String, Object>();
        key.put("kid", keyId);
        key.put("kty", "OKP");
        key.put("crv", "Ed25519");
        key.put("alg", "EdDSA");
        key.put("use", "sig");
        key.put("x", Base64.getUrlEncoder().withoutPadding().encodeToString(raw));
        key.put("spki", Base64.getEncoder().encodeToString(der));
        return Map.of("keys", List.of(key));
    }

    private byte[] sign(byte[] payload) {
        try {
            Signature signature = Signature.getInstance("Ed25519");
            signature.initSign(keys.getPrivate());
            signature.update(payload);
            return signature.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("signing with the platform key failed", e);
        }
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
