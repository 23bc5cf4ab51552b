package io.moldtank.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.helidon.http.HeaderNames;
import io.helidon.http.HttpMediaTypes;
import io.helidon.webclient.http1.Http1Client;
import io.helidon.webclient.http1.Http1ClientRequest;
import io.helidon.webclient.http1.Http1ClientResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.Signature;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.UUID;

/** An agent talking to the running main job as skill.md tells it to: Ed25519 key, AgentSig on every write. */
final class SignedClient {
    static final ObjectMapper JSON = new ObjectMapper();

    private final Http1Client http;
    private final KeyPair keys;
    private String who = "register";

    SignedClient(Http1Client http) throws GeneralSecurityException {
        this.http = http;
        this.keys = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
    }

    /** Registers with {@code wallet}; from then on signs as the new agent. Returns its id. */
    String register(String name, String wallet) throws Exception {
        byte[] x509 = keys.getPublic().getEncoded();
        String pub = HexFormat.of().formatHex(Arrays.copyOfRange(x509, x509.length - 32, x509.length));
        JsonNode agent = post("/api/v1/agents", """
                {"wallet":"%s","name":"%s","signingKey":"%s"}""".formatted(wallet, name, pub), 201);
        who = agent.get("id").asText();
        return who;
    }

    /** A signed POST; asserts the status and returns the JSON answer. */
    JsonNode post(String path, String body, int status) throws Exception {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        String ts = Long.toString(System.currentTimeMillis() / 1000);
        String nonce = UUID.randomUUID().toString().replace("-", "");
        String text = String.join("\n", "MOLDTANK-AGENTSIG-V1", "POST", path, "", ts, nonce,
                HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)));
        Signature s = Signature.getInstance("Ed25519");
        s.initSign(keys.getPrivate());
        s.update(text.getBytes(StandardCharsets.UTF_8));
        Http1ClientRequest req = http.post(path).contentType(HttpMediaTypes.JSON_UTF_8)
                .header(HeaderNames.AUTHORIZATION, "AgentSig " + who + ":" + Base64.getEncoder().encodeToString(s.sign()))
                .header(HeaderNames.create("X-Timestamp"), ts).header(HeaderNames.create("X-Nonce"), nonce);
        try (Http1ClientResponse res = req.submit(bytes)) {
            String answer = res.as(String.class);
            assertThat(res.status().code()).as("POST %s: %s", path, answer).isEqualTo(status);
            return JSON.readTree(answer);
        }
    }

    /** An unsigned GET; asserts the status and returns the JSON answer. */
    JsonNode get(String path, int status) throws Exception {
        try (Http1ClientResponse res = http.get(path).request()) {
            String answer = res.as(String.class);
            assertThat(res.status().code()).as("GET %s: %s", path, answer).isEqualTo(status);
            return JSON.readTree(answer);
        }
    }
}
