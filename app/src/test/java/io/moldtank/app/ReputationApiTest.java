package io.moldtank.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.helidon.webclient.http1.Http1Client;
import io.helidon.webclient.http1.Http1ClientResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reputation in the main job on embedded defaults: counted from paid work only, on the profile, and
 * exported as a record signed by the platform key that a third party verifies with the public key alone.
 */
@Timeout(90)
class ReputationApiTest {
    private MoldTankApp app;
    private Http1Client http;
    private SignedClient seller;
    private SignedClient client;
    private String sellerId;

    @BeforeEach
    void start(@TempDir Path dir) throws Exception {
        Properties props = new Properties();
        props.setProperty("server.port", "0");
        props.setProperty("moldtank.storage.h2.file", dir.resolve("db").toString());
        props.setProperty("moldtank.workers.validation", "0");
        app = MoldTankServer.start(AppConfig.load(new String[0], Map.of(), props));
        http = Http1Client.builder().baseUri("http://localhost:" + app.port()).build();
        seller = new SignedClient(http);
        sellerId = seller.register("seller", "0x00000000000000000000000000000000000c0001");
        client = new SignedClient(http);
        client.register("client", "0x00000000000000000000000000000000000c0002");
        Hiring.fund(seller, "1");
        Hiring.fund(client, "100");
    }

    @AfterEach
    void stop() {
        app.shutdown();
    }

    @Test
    void a_paid_job_and_its_review_show_on_the_profile_and_in_an_export_anyone_can_verify() throws Exception {
        double exportsBefore = Hiring.metric(http, "moldtank_reputation_exports_total", "");
        String listing = Hiring.listing(seller, "{\"title\":\"Review code\",\"price\":\"40\"}");
        String job = Hiring.job(client, seller, listing, "PASSED");
        Hiring.review(client, job, 5);

        JsonNode rep = seller.get("/api/v1/agents/" + sellerId, 200).get("reputation");
        assertThat(rep.get("jobsSold").asInt()).isEqualTo(1);
        assertThat(rep.get("earned").asText()).isEqualTo("39.000000"); // 40 less the 2.5 % cut
        assertThat(rep.get("averageRating").asText()).isEqualTo("5.00");
        assertThat(rep.get("successRate").asText()).isEqualTo("1.0000");
        assertThat(rep.get("score").asInt()).isGreaterThan(25);

        JsonNode export = seller.get("/api/v1/agents/" + sellerId + "/reputation/export", 200);
        PublicKey key = platformKey(export.get("kid").asText());
        byte[] payload = Base64.getUrlDecoder().decode(export.get("payload").asText());
        assertThat(verifies(key, payload, export.get("signature").asText())).isTrue();

        JsonNode claims = SignedClient.JSON.readTree(payload);
        assertThat(claims.get("agentId").asText()).isEqualTo(sellerId);
        assertThat(claims.get("issuedAt").asText()).isNotBlank();
        assertThat(claims.at("/reputation/score").asInt()).isEqualTo(rep.get("score").asInt());
        assertThat(claims.get("items")).extracting(i -> i.get("kind").asText()).containsExactly("job-sold", "review");
        // a verifier recomputes the ledger entry's id from the job id: the release of exactly this job
        String release = UUID.nameUUIDFromBytes(("moldtank:transfer:job:" + job + ":release")
                .getBytes(StandardCharsets.UTF_8)).toString();
        assertThat(claims.at("/items/0/proof/ref").asText()).isEqualTo(release);
        assertThat(claims.at("/items/0/amount").asText()).isEqualTo("39.000000");
        assertThat(new String(payload, StandardCharsets.UTF_8)).isEqualTo(SignedClient.JSON.writeValueAsString(
                SignedClient.JSON.treeToValue(claims, java.util.TreeMap.class))).doesNotContain(" ");
        assertThat(Hiring.metric(http, "moldtank_reputation_exports_total", "")).isEqualTo(exportsBefore + 1);
        assertThat(Hiring.metric(http, "moldtank_reputation_refreshes_total", "trigger=\"review\"")).isGreaterThan(0);
    }

    @Test
    void a_tampered_export_or_one_passed_off_for_another_agent_fails_verification() throws Exception {
        Hiring.job(client, seller, Hiring.listing(seller, "{\"title\":\"Translate\",\"price\":\"8\"}"), "PASSED");
        JsonNode export = seller.get("/api/v1/agents/" + sellerId + "/reputation/export", 200);
        PublicKey key = platformKey(export.get("kid").asText());
        String signature = export.get("signature").asText();
        ObjectNode claims = (ObjectNode) SignedClient.JSON.readTree(Base64.getUrlDecoder()
                .decode(export.get("payload").asText()));

        ((ObjectNode) claims.get("reputation")).put("earned", "7800.000000");
        assertThat(verifies(key, SignedClient.JSON.writeValueAsBytes(claims), signature)).isFalse();
        claims.put("agentId", UUID.randomUUID().toString());
        assertThat(verifies(key, SignedClient.JSON.writeValueAsBytes(claims), signature)).isFalse();
    }

    @Test
    void a_failed_job_is_a_checked_failure_and_its_one_star_review_does_not_count() throws Exception {
        String job = Hiring.job(client, seller, Hiring.listing(seller, "{\"title\":\"Summarise\",\"price\":\"5\"}"),
                "FAILED");
        Hiring.review(client, job, 1);

        JsonNode rep = seller.get("/api/v1/agents/" + sellerId, 200).get("reputation");
        assertThat(rep.get("jobsFailed").asInt()).isEqualTo(1);
        assertThat(rep.get("successRate").asText()).isEqualTo("0.0000");
        assertThat(rep.get("ratings").asInt()).isZero();
        assertThat(rep.get("averageRating").isNull()).isTrue();
        assertThat(rep.at("/excluded/review-not-counted").asInt()).isEqualTo(1);
    }

    @Test
    void an_unknown_agent_or_a_malformed_id_is_a_problem() throws Exception {
        assertProblem("/api/v1/agents/" + UUID.randomUUID() + "/reputation/export", 404, "not-found");
        assertProblem("/api/v1/agents/not-a-uuid/reputation/export", 400, "invalid-input");
        assertProblem("/api/v1/agents/%00/reputation/export", 400, null);
    }

    private void assertProblem(String path, int status, String type) {
        try (Http1ClientResponse res = http.get(path).request()) {
            assertThat(res.status().code()).as(path).isEqualTo(status);
            assertThat(res.headers().contentType().orElseThrow().text()).startsWith("application/problem+json");
            if (type != null) {
                assertThat(res.as(String.class)).contains("/problems/" + type);
            }
        }
    }

    private PublicKey platformKey(String kid) throws Exception {
        JsonNode keys = seller.get("/.well-known/moldtank-receipt-keys.json", 200).get("keys");
        for (JsonNode k : keys) {
            if (k.get("kid").asText().equals(kid)) {
                return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(
                        Base64.getDecoder().decode(k.get("spki").asText())));
            }
        }
        throw new AssertionError("no key " + kid);
    }

    private static boolean verifies(PublicKey key, byte[] payload, String signature) throws Exception {
        Signature ed = Signature.getInstance("Ed25519");
        ed.initVerify(key);
        ed.update(payload);
        return ed.verify(Base64.getUrlDecoder().decode(signature));
    }
}
