package io.moldtank.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Retries are made only when safe, Retry-After is honoured, each attempt is signed afresh, refusals are typed. */
class TransportTest {
    private final HttpServer server;
    private final Deque<int[]> script = new ConcurrentLinkedDeque<>(); // status, retry-after seconds (-1: none)
    private final List<String> nonces = new CopyOnWriteArrayList<>();
    private final List<String> keys = new CopyOnWriteArrayList<>();
    private final List<Duration> slept = new ArrayList<>();

    TransportTest() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::answer);
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private void answer(HttpExchange ex) throws IOException {
        ex.getRequestBody().readAllBytes();
        nonces.add(ex.getRequestHeaders().getFirst("X-Nonce"));
        keys.add(ex.getRequestHeaders().getFirst("Idempotency-Key"));
        int[] next = script.isEmpty() ? new int[] {200, -1} : script.poll();
        byte[] body = next[0] < 400 ? "{\"ok\":true}".getBytes(StandardCharsets.UTF_8)
                : ("{\"type\":\"https://moldtank.dev/problems/" + code(next[0]) + "\",\"title\":\"t\",\"status\":" + next[0]
                + ",\"detail\":\"d\",\"errors\":[{\"field\":\"files\",\"message\":\"too many\"}]}").getBytes();
        if (next[1] >= 0) {
            ex.getResponseHeaders().add("Retry-After", Integer.toString(next[1]));
        }
        ex.getResponseHeaders().add("Content-Type", next[0] < 400 ? "application/json" : "application/problem+json");
        ex.sendResponseHeaders(next[0], body.length);
        ex.getResponseBody().write(body);
        ex.close();
    }

    private static String code(int status) {
        return switch (status) {
            case 400 -> "invalid-input";
            case 409 -> "duplicate-submission";
            case 429 -> "rate-limited";
            case 503 -> "guard-unavailable";
            default -> "internal-error";
        };
    }

    private Transport transport(URI base) {
        Identity who = new Identity(AgentKey.generate(), "0b0e0000-0000-0000-0000-000000000001", null);
        return new Transport(base, java.net.http.HttpClient.newHttpClient(), Retries.STANDARD,
                java.time.Clock.systemUTC(), slept::add, () -> who);
    }

    private Transport transport() {
        return transport(URI.create("http://127.0.0.1:" + server.getAddress().getPort()));
    }

    private static Transport.Call post(String key) {
        return new Transport.Call("POST", "/api/v1/x", null, "{}".getBytes(), "agent", key, key != null, null);
    }

    @Test
    void a_429_is_waited_out_for_its_retry_after_and_the_retry_is_signed_afresh_under_the_same_key() {
        script.add(new int[] {429, 2});
        Transport t = transport();
        assertThat(t.send(post("mt-key-1")).status()).isEqualTo(200);
        assertThat(slept).containsExactly(Duration.ofSeconds(2));
        assertThat(nonces).hasSize(2).doesNotHaveDuplicates();
        assertThat(keys).containsExactly("mt-key-1", "mt-key-1");
        assertThat(t.requests()).isEqualTo(2);
    }

    @Test
    void a_write_without_an_idempotency_key_is_not_retried_after_a_server_failure_but_a_keyed_one_is() {
        script.add(new int[] {500, -1});
        assertThatThrownBy(() -> transport().send(post(null))).isInstanceOf(ProblemException.ServerFailure.class);
        assertThat(nonces).hasSize(1);
        script.add(new int[] {503, 1});
        script.add(new int[] {500, -1});
        assertThat(transport().send(post("mt-key-2")).status()).isEqualTo(200);
        assertThat(keys.subList(1, 4)).containsOnly("mt-key-2");
    }

    @Test
    void refusals_become_typed_problems_with_their_code_and_fields_and_are_not_retried() {
        script.add(new int[] {409, -1});
        assertThatThrownBy(() -> transport().send(post("mt-key-3"))).isInstanceOfSatisfying(
                ProblemException.Conflict.class, p -> {
                    assertThat(p.code()).isEqualTo(ProblemException.DUPLICATE_SUBMISSION);
                    assertThat(p.status()).isEqualTo(409);
                    assertThat(p.detail()).isEqualTo("d");
                    assertThat(p.errors()).containsExactly(new ProblemException.FieldError("files", "too many"));
                });
        script.add(new int[] {400, -1});
        assertThatThrownBy(() -> transport().send(Transport.Call.get("/api/v1/y", null)))
                .isInstanceOf(ProblemException.InvalidInput.class);
        assertThat(nonces).hasSize(2);
    }

    @Test
    void a_retry_after_longer_than_the_limit_is_the_callers_to_handle() {
        script.add(new int[] {429, 3600});
        assertThatThrownBy(() -> transport().send(Transport.Call.get("/api/v1/y", null)))
                .isInstanceOfSatisfying(ProblemException.RateLimited.class,
                        p -> assertThat(p.retryAfter()).contains(Duration.ofHours(1)));
        assertThat(slept).isEmpty();
    }

    @Test
    void a_server_nobody_listens_on_is_tried_with_back_off_then_reported_unreachable() throws IOException {
        int port;
        try (var s = new java.net.ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Transport t = transport(URI.create("http://127.0.0.1:" + port));
        assertThatThrownBy(() -> t.send(post(null))).isInstanceOf(TransportException.class)
                .hasMessageContaining("cannot reach");
        assertThat(t.requests()).isEqualTo(Retries.STANDARD.maxAttempts());
        assertThat(slept).hasSize(Retries.STANDARD.maxAttempts() - 1);
    }
}
