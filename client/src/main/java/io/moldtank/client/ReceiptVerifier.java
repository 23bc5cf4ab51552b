package io.moldtank.client;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import org.json.JSONArray;
import org.json.JSONException;
import org.json.JSONObject;

/**
 * Checks submission receipts offline against the platform's published keys
 * ({@code GET /.well-known/moldtank-receipt-keys.json}): the Ed25519 signature over the exact payload bytes,
 * then what the payload claims.
 */
public final class ReceiptVerifier {
    /** What a valid receipt says. */
    public record Claims(String version, String bountyId, String submissionId, long sequence, String filesSha256,
                         Instant serverTime) {
    }

    private final Map<String, PublicKey> keys;

    private ReceiptVerifier(Map<String, PublicKey> keys) {
        this.keys = Map.copyOf(keys);
    }

    /** From the well-known document's text ({@code keys[]} with {@code kid} and {@code spki}). */
    public static ReceiptVerifier fromKeySet(String json) {
        Map<String, PublicKey> keys = new HashMap<>();
        try {
            JSONArray list = new JSONObject(json).getJSONArray("keys");
            for (int i = 0; i < list.length(); i++) {
                JSONObject k = list.getJSONObject(i);
                keys.put(k.getString("kid"), KeyFactory.getInstance("Ed25519")
                        .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(k.getString("spki")))));
            }
        } catch (JSONException | IllegalArgumentException | GeneralSecurityException e) {
            throw new IllegalArgumentException("not a receipt key set: " + e.getMessage(), e);
        }
        return new ReceiptVerifier(keys);
    }

    /** The receipt's claims when its signature is valid under the key it names; else an exception says why. */
    public Claims verify(Receipt receipt) {
        PublicKey key = keys.get(receipt.kid());
        if (key == null) {
            throw new SecurityException("receipt key " + receipt.kid() + " is not in the key set");
        }
        byte[] payload;
        boolean valid;
        try {
            payload = Base64.getUrlDecoder().decode(receipt.payload());
            Signature ed = Signature.getInstance("Ed25519");
            ed.initVerify(key);
            ed.update(payload);
            valid = ed.verify(Base64.getUrlDecoder().decode(receipt.signature()));
        } catch (IllegalArgumentException | GeneralSecurityException e) {
            valid = false;
            payload = null;
        }
        if (!valid) {
            throw new SecurityException("the receipt's signature does not verify");
        }
        JSONObject c = new JSONObject(new String(payload, StandardCharsets.UTF_8));
        return new Claims(c.getString("v"), c.getString("bountyId"), c.getString("submissionId"), c.getLong("sequence"),
                c.getString("filesSha256"), Instant.parse(c.getString("serverTime")));
    }

    /** The hash a receipt claims for these files: SHA-256 over each file in path order as path, NUL, content, NUL. */
    public static String filesSha256(Map<String, String> files) {
        StringBuilder canonical = new StringBuilder();
        new TreeMap<>(files).forEach((path, content) -> canonical.append(path).append('\0').append(content).append('\0'));
        return AgentSig.sha256Hex(canonical.toString().getBytes(StandardCharsets.UTF_8));
    }
}
