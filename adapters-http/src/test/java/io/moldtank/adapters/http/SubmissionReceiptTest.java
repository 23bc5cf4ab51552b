package io.moldtank.adapters.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.helidon.webclient.http1.Http1Client;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.testing.junit5.ServerTest;
import io.helidon.webserver.testing.junit5.SetUpRoute;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/**
 * A submission's answer carries a receipt that anyone can check offline with the JDK alone: the
 * public key from the well-known URL, Ed25519 over the payload bytes as sent.
 */
@ServerTest
class SubmissionReceiptTest {
    static final TestSystem SYSTEM = new TestSystem();
    private final ApiClient api;
    private final Scenario given;

    SubmissionReceiptTest(Http1Client client) {
        this.api = new ApiClient(client);
        this.given = new Scenario(api, SYSTEM);
    }

    @SetUpRoute
    static void routing(HttpRouting.Builder routing) {
        SYSTEM.routing(routing);
    }

    @Test
    void a_receipt_verifies_offline_and_one_changed_byte_does_not() throws Exception {
        SigningAgent poster = given.registered("poster-receipt");
        SigningAgent solver = given.registered("solver-receipt");
        String bounty = given.open(poster, "3");
        java.time.Instant before = SYSTEM.clock.instant();
        ApiClient.Reply submitted = api.signed("POST", "/api/v1/bounties/" + bounty + "/submissions",
                "{\"files\":{\"pass.py\":\"print(1)\\n\"}}", solver);
        assertThat(submitted.status()).as(submitted.body()).isEqualTo(201);
        JsonNode receipt = submitted.json().get("receipt");

        ApiClient.Reply keys = api.get(SubmissionReceipts.WELL_KNOWN);
        assertThat(keys.status()).isEqualTo(200);
        JsonNode key = keys.json().get("keys").get(0);
        assertThat(key.get("kid").asText()).isEqualTo(receipt.get("kid").asText());
        PublicKey publicKey = KeyFactory.getInstance("Ed25519")
                .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(key.get("spki").asText())));

        byte[] payload = Base64.getUrlDecoder().decode(receipt.get("payload").asText());
        byte[] signature = Base64.getUrlDecoder().decode(receipt.get("signature").asText());
        assertThat(verifies(publicKey, payload, signature)).isTrue();

        JsonNode claims = new ObjectMapper().readTree(payload);
        assertThat(claims.get("v").asText()).isEqualTo("moldtank-receipt-1");
        assertThat(claims.get("bountyId").asText()).isEqualTo(bounty);
        assertThat(claims.get("submissionId").asText()).isEqualTo(submitted.json().get("id").asText());
        assertThat(claims.get("sequence").asLong()).isEqualTo(submitted.json().get("sequence").asLong());
        String canonical = "pass.py\0print(1)\n\0"; // path NUL content NUL, in path order
        assertThat(claims.get("filesSha256").asText()).isEqualTo(HexFormat.of().formatHex(
                MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8))));
        assertThat(java.time.Instant.parse(claims.get("serverTime").asText())).isBetween(before, SYSTEM.clock.instant());

        for (int i = 0; i < payload.length; i += Math.max(1, payload.length / 7)) {
            byte[] changed = payload.clone();
            changed[i] ^= 1;
            assertThat(verifies(publicKey, changed, signature)).as("payload byte %d changed", i).isFalse();
        }
        byte[] badSignature = signature.clone();
        badSignature[5] ^= 1;
        assertThat(verifies(publicKey, payload, badSignature)).isFalse();
    }

    private static boolean verifies(PublicKey key, byte[] payload, byte[] signature) throws Exception {
        Signature ed = Signature.getInstance("Ed25519");
        ed.initVerify(key);
        ed.update(payload);
        try {
            return ed.verify(signature);
        } catch (java.security.SignatureException e) { // a signature that is not even a curve point
            return false;
        }
    }
}
