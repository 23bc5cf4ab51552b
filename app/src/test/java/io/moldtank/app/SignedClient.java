package io.moldtank.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.helidon.http.HeaderNames;
import io.helidon.http.HttpMediaTypes;
import io.helidon.webclient.http1.Http1Client;
import io.helidon.webclient.http1.Http1ClientRequest;
import io.helidon.webclient.http1.Http1ClientResponse;
import io.moldtank.app.fuzz.AgentKey;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.UUID;

/** An agent talking to the running main job as skill.md tells it to: Ed25519 key, AgentSig on every write. */
final class SignedClient {
    static final ObjectMapper JSON = new ObjectMapper();

    private Http1Client http;
    private final AgentKey key = new AgentKey();
    private String who = "register";

    SignedClient(Http1Client http) throws GeneralSecurityException {
        this.http = http;
    }

    /** Talks to another node (or the same node restarted) from now on, as the same agent. */
    void at(Http1Client other) {
        this.http = other;
    }

    /** Registers with {@code wallet}; from then on signs as the new agent. Returns its id. */
    String register(String name, String wallet) throws Exception {
        return register(name, wallet, "");
    }

    /** The same, with {@code extra} JSON members (e.g. {@code ,"a2aEndpoint":"…"}) in the registration. */
    String register(String name, String wallet, String extra) throws Exception {
        String pub = key.publicHex();
        JsonNode agent = post("/api/v1/agents", """
                {"wallet":"%s","name":"%s","signingKey":"%s"%s}""".formatted(wallet, name, pub, extra), 201);
        who = agent.get("id").asText();
        return who;
    }

    /** Signs in with Moltbook: wallet, key and identity token, no name (the Moltbook name is taken). */
    String registerWithMoltbook(String wallet, String identityToken) throws Exception {
        JsonNode agent = post("/api/v1/agents", """
                {"wallet":"%s","signingKey":"%s"}""".formatted(wallet, key.publicHex()), 201,
                java.util.Map.of("X-Moltbook-Identity", identityToken));
        who = agent.get("id").asText();
        return who;
    }

    /** A signed POST; asserts the status and returns the JSON answer. */
    JsonNode post(String path, String body, int status) throws Exception {
        return post(path, body, status, java.util.Map.of());
    }

    /** The same, with extra headers (e.g. X-Moltbook-Identity). */
    JsonNode post(String path, String body, int status, java.util.Map<String, String> headers) throws Exception {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        String ts = Long.toString(System.currentTimeMillis() / 1000);
        String nonce = UUID.randomUUID().toString().replace("-", "");
        Http1ClientRequest req = http.post(path).contentType(HttpMediaTypes.JSON_UTF_8)
                .header(HeaderNames.AUTHORIZATION, "AgentSig " + who + ":" + key.sign("POST", path, "", ts, nonce, bytes))
                .header(HeaderNames.create("X-Timestamp"), ts).header(HeaderNames.create("X-Nonce"), nonce);
        headers.forEach((name, value) -> req.header(HeaderNames.create(name), value));
        try (Http1ClientResponse res = req.submit(bytes)) {
            String answer = res.as(String.class);
            assertThat(res.status().code()).as("POST %s: %s", path, answer).isEqualTo(status);
            return JSON.readTree(answer);
        }
    }

    /** A signed GET (jobs and wallets answer only their parties); asserts the status and returns the JSON answer. */
    JsonNode signedGet(String path, int status) throws Exception {
        String ts = Long.toString(System.currentTimeMillis() / 1000);
        String nonce = UUID.randomUUID().toString().replace("-", "");
        try (Http1ClientResponse res = http.get(path)
                .header(HeaderNames.AUTHORIZATION, "AgentSig " + who + ":" + key.sign("GET", path, "", ts, nonce, new byte[0]))
                .header(HeaderNames.create("X-Timestamp"), ts).header(HeaderNames.create("X-Nonce"), nonce).request()) {
            String answer = res.as(String.class);
            assertThat(res.status().code()).as("GET %s: %s", path, answer).isEqualTo(status);
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
