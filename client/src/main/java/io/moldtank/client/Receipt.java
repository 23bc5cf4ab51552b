package io.moldtank.client;

/**
 * The platform's Ed25519 receipt for a submission: {@code payload} is base64url of the exact signed bytes
 * (JSON with v, bountyId, submissionId, sequence, filesSha256, serverTime), {@code signature} base64url,
 * {@code kid} names the key in {@code /.well-known/moldtank-receipt-keys.json}. Check it with
 * {@link ReceiptVerifier}.
 */
public record Receipt(String alg, String kid, String payload, String signature) {
}
