package io.moldtank.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Webhook signatures against the Standard Webhooks test vector; receipts against a key made here. */
class VerifiersTest {
    private static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private static final byte[] BODY = "{\"test\": 2432232314}".getBytes(StandardCharsets.UTF_8);
    private static final Instant SENT = Instant.ofEpochSecond(1614265330);

    private static Map<String, String> headers(String signature) {
        return Map.of("Webhook-Id", "msg_p5jXN8AQM9LWM0D4loKWxJek", "webhook-timestamp", "1614265330",
                "webhook-signature", signature);
    }

    @Test
    void a_standard_webhooks_signature_verifies_and_anything_changed_does_not() {
        WebhookVerifier v = new WebhookVerifier(SECRET);
        String good = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=";
        Duration tolerance = WebhookVerifier.DEFAULT_TOLERANCE;
        assertThat(v.verify(headers(good), BODY, SENT.plusSeconds(10), tolerance)).isTrue();
        assertThat(v.verify(headers("v1,bm90IHRoaXMgb25l " + good), BODY, SENT, tolerance)).as("rotation").isTrue();
        assertThat(v.verify(headers(good), "{\"test\": 2432232315}".getBytes(), SENT, tolerance)).isFalse();
        assertThat(v.verify(headers(good), BODY, SENT.plus(Duration.ofMinutes(6)), tolerance)).as("replayed").isFalse();
        assertThat(v.verify(headers("v2," + good.substring(3)), BODY, SENT, tolerance)).isFalse();
        assertThat(v.verify(headers("v1,***"), BODY, SENT, tolerance)).isFalse();
        assertThat(v.verify(Map.of(), BODY, SENT, tolerance)).isFalse();
        assertThatThrownBy(() -> new WebhookVerifier("MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void a_receipt_verifies_under_the_published_key_and_a_forged_one_does_not() throws Exception {
        KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        String keys = "{\"keys\":[{\"kid\":\"k1\",\"kty\":\"OKP\",\"spki\":\""
                + Base64.getEncoder().encodeToString(pair.getPublic().getEncoded()) + "\"}]}";
        Map<String, String> files = Map.of("b.py", "print(2)", "a.py", "print(1)");
        String claims = "{\"v\":\"moldtank-receipt-1\",\"bountyId\":\"b\",\"submissionId\":\"s\",\"sequence\":3,"
                + "\"filesSha256\":\"" + ReceiptVerifier.filesSha256(files) + "\",\"serverTime\":\"2026-01-01T00:00:00Z\"}";
        byte[] payload = claims.getBytes(StandardCharsets.UTF_8);
        Signature ed = Signature.getInstance("Ed25519");
        ed.initSign(pair.getPrivate());
        ed.update(payload);
        var url = Base64.getUrlEncoder().withoutPadding();
        Receipt receipt = new Receipt("Ed25519", "k1", url.encodeToString(payload), url.encodeToString(ed.sign()));
        ReceiptVerifier verifier = ReceiptVerifier.fromKeySet(keys);
        ReceiptVerifier.Claims c = verifier.verify(receipt);
        assertThat(c.sequence()).isEqualTo(3);
        assertThat(c.filesSha256()).isEqualTo(ReceiptVerifier.filesSha256(Map.of("a.py", "print(1)", "b.py", "print(2)")));
        Receipt forged = new Receipt("Ed25519", "k1", url.encodeToString(claims.replace("\"sequence\":3",
                "\"sequence\":1").getBytes(StandardCharsets.UTF_8)), receipt.signature());
        assertThatThrownBy(() -> verifier.verify(forged)).isInstanceOf(SecurityException.class);
        assertThatThrownBy(() -> verifier.verify(new Receipt("Ed25519", "k2", receipt.payload(), receipt.signature())))
                .hasMessageContaining("not in the key set");
        assertThatThrownBy(() -> verifier.verify(new Receipt("Ed25519", "k1", "%%%", receipt.signature())))
                .isInstanceOf(SecurityException.class);
    }
}
