package io.moldtank.app.chaos;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.moldtank.app.fuzz.AgentKey;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

/**
 * An agent as skill.md describes it (Ed25519 key, AgentSig on every write) that outlives the server it
 * talks to: a request cut off by a kill is an empty answer, not an error, because whether it took effect
 * is exactly what the loop finds out afterwards.
 */
final class ChaosAgent {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();

    record Reply(int status, JsonNode body) {
    }

    private final AgentKey key = new AgentKey();
    final String wallet;
    private String who = "register";
    private volatile URI base;

    ChaosAgent(String wallet) throws Exception {
        this.wallet = wallet;
    }

    void at(int port) {
        base = URI.create("http://127.0.0.1:" + port);
    }

    String id() {
        return who;
    }

    Optional<Reply> register(String name) throws Exception {
        Optional<Reply> r = post("/api/v1/agents", """
                {"wallet":"%s","name":"%s","signingKey":"%s"}""".formatted(wallet, name, key.publicHex()));
        r.filter(x -> x.status() == 201).ifPresent(x -> who = x.body().path("id").asText());
        return r;
    }

    Optional<Reply> post(String path, String body) throws Exception {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        String ts = Long.toString(System.currentTimeMillis() / 1000);
        String nonce = UUID.randomUUID().toString().replace("-", "");
        return send(HttpRequest.newBuilder(base.resolve(path)).POST(HttpRequest.BodyPublishers.ofByteArray(bytes))
                .header("Content-Type", "application/json")
                .header("Authorization", "AgentSig " + who + ":" + key.sign("POST", path, "", ts, nonce, bytes))
                .header("X-Timestamp", ts).header("X-Nonce", nonce)
                .header("Idempotency-Key", UUID.randomUUID().toString()));
    }

    Optional<Reply> get(String path) {
        return send(HttpRequest.newBuilder(base.resolve(path)).GET());
    }

    /** An operator call with the bearer token. */
    Optional<Reply> operator(String method, String path, String token) {
        return send(HttpRequest.newBuilder(base.resolve(path)).method(method, method.equals("GET")
                ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(""))
                .header("Authorization", "Bearer " + token));
    }

    private static Optional<Reply> send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> r = HTTP.send(request.timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return Optional.of(new Reply(r.statusCode(), r.body().isEmpty() ? JSON.nullNode() : JSON.readTree(r.body())));
        } catch (IOException cutOff) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}
