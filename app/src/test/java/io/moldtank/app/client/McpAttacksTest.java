package io.moldtank.app.client;

import static io.moldtank.app.client.McpClients.ok;
import static io.moldtank.app.client.McpClients.refusal;
import static org.assertj.core.api.Assertions.assertThat;

import io.modelcontextprotocol.client.McpSyncClient;
import io.moldtank.client.MoldTank;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.json.JSONObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile input at /mcp, against one running main job: unsigned writes, replayed and tampered signatures,
 * planted session ids, browsers, oversized bodies and arguments, path traversal in file names, money as a
 * float. Each is refused with its code and leaves the bounty as it was.
 */
@Timeout(120)
class McpAttacksTest {
    private static final Clock CLOCK = Clock.systemUTC();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    @TempDir
    static Path dir;
    static MainJobWithJudge job;
    static MoldTank poster;
    static MoldTank solver;
    static String bountyId;

    @BeforeAll
    static void start() throws Exception {
        job = new MainJobWithJudge(dir, Map.of());
        poster = McpApiTest.registered(job.uri(), "poster");
        solver = McpApiTest.registered(job.uri(), "solver");
        try (McpSyncClient posting = McpClients.connect(job.uri(), poster.identity(), CLOCK)) {
            bountyId = (String) ok(posting, "post_bounty", McpApiTest.rubricBounty("Attack surface")).get("id");
            ok(posting, "fund_bounty", Map.of("bountyId", bountyId));
        }
    }

    @AfterAll
    static void stop() {
        poster.close();
        solver.close();
        job.close();
    }

    @Test
    void writes_without_a_signature_are_tool_errors_and_store_nothing() {
        try (McpSyncClient anonymous = McpClients.connect(job.uri(), null, CLOCK)) {
            assertThat(ok(anonymous, "read_bounty", Map.of("bountyId", bountyId)).get("status")).isEqualTo("OPEN");
            assertThat(refusal(anonymous, "submit_solution", Map.of("bountyId", bountyId,
                    "files", Map.of("a.txt", "x")))).isEqualTo("signature-required");
            assertThat(refusal(anonymous, "post_bounty", McpApiTest.rubricBounty("Free money")))
                    .isEqualTo("signature-required");
            assertThat(refusal(anonymous, "read_wallet", Map.of())).isEqualTo("signature-required");
        }
        assertThat(submissions()).isZero();
    }

    @Test
    void a_replayed_or_tampered_signed_request_is_refused_whole() throws Exception {
        String body = call(2, "read_wallet", Map.of());
        Map<String, String> headers = solver.identity().sign("POST", mcp(), utf8(body), CLOCK.instant().getEpochSecond());
        assertThat(post(body, headers).statusCode()).isEqualTo(200);
        HttpResponse<String> replay = post(body, headers);
        assertThat(replay.statusCode()).isEqualTo(401);
        assertThat(replay.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(new JSONObject(replay.body()).getString("type")).endsWith("/unauthorized");

        String honest = call(3, "submit_solution", Map.of("bountyId", bountyId, "files", Map.of("a.txt", "mine")));
        Map<String, String> signed = solver.identity().sign("POST", mcp(), utf8(honest), CLOCK.instant().getEpochSecond());
        String tampered = honest.replace("mine", "evil");
        assertThat(post(tampered, signed).statusCode()).isEqualTo(401);
        assertThat(submissions()).isZero();
    }

    @Test
    void a_planted_session_id_opens_nothing_and_no_session_is_handed_out() throws Exception {
        Map<String, String> fixation = new HashMap<>(Map.of("Mcp-Session-Id", "attacker-chosen-session"));
        HttpResponse<String> r = post(call(4, "submit_solution", Map.of("bountyId", bountyId,
                "files", Map.of("a.txt", "x"))), fixation);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(new JSONObject(r.body()).getJSONObject("result").getJSONObject("structuredContent")
                .getString("code")).isEqualTo("signature-required");
        HttpResponse<String> init = post(new JSONObject().put("jsonrpc", "2.0").put("id", 5).put("method", "initialize")
                .put("params", new JSONObject().put("protocolVersion", "2025-06-18").put("capabilities", new JSONObject())
                        .put("clientInfo", new JSONObject().put("name", "x").put("version", "1"))).toString(), Map.of());
        assertThat(init.statusCode()).isEqualTo(200);
        assertThat(init.headers().firstValue("Mcp-Session-Id")).isEmpty();
        assertThat(HTTP.send(HttpRequest.newBuilder(mcp()).GET().build(), HttpResponse.BodyHandlers.ofString())
                .statusCode()).isEqualTo(405);
        assertThat(HTTP.send(HttpRequest.newBuilder(mcp()).DELETE().header("Mcp-Session-Id", "attacker-chosen-session")
                .build(), HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(405);
        assertThat(submissions()).isZero();
    }

    @Test
    void browsers_oversized_bodies_and_other_media_are_refused_before_any_tool_runs() throws Exception {
        String body = call(6, "find_bounties", Map.of());
        assertThat(post(body, Map.of("Origin", "https://evil.example")).statusCode()).isEqualTo(403);
        String huge = call(7, "find_bounties", Map.of("tag", "x".repeat(1024 * 1024)));
        assertThat(post(huge, Map.of()).statusCode()).isEqualTo(413);
        HttpResponse<String> text = HTTP.send(HttpRequest.newBuilder(mcp()).header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(text.statusCode()).isEqualTo(415);
        assertThat(post("{\"jsonrpc\":", Map.of()).statusCode()).isEqualTo(400);
    }

    @Test
    void oversized_arguments_traversing_paths_and_float_money_are_invalid_input() {
        try (McpSyncClient signed = McpClients.connect(job.uri(), solver.identity(), CLOCK);
             McpSyncClient posting = McpClients.connect(job.uri(), poster.identity(), CLOCK)) {
            for (String path : List.of("../../etc/passwd", "/etc/passwd", "a/../../b", "a\\b", "..", "a//b")) {
                assertThat(refusal(signed, "submit_solution", Map.of("bountyId", bountyId,
                        "files", Map.of(path, "x")))).as(path).isEqualTo("invalid-input");
            }
            Map<String, Object> many = new HashMap<>();
            for (int i = 0; i < 65; i++) {
                many.put("f" + i + ".txt", "x");
            }
            assertThat(refusal(signed, "submit_solution", Map.of("bountyId", bountyId, "files", many)))
                    .isEqualTo("invalid-input");
            assertThat(refusal(signed, "submit_solution", Map.of("bountyId", bountyId,
                    "files", Map.of("big.txt", "x".repeat(600 * 1024))))).isEqualTo("invalid-input");
            assertThat(refusal(signed, "submit_solution", Map.of("bountyId", bountyId, "files", Map.of("a.txt", "x"),
                    "extra", "?"))).isEqualTo("invalid-input");
            Map<String, Object> floating = new HashMap<>(McpApiTest.rubricBounty("Floating reward"));
            floating.put("reward", 12.5);
            assertThat(refusal(posting, "post_bounty", floating)).isEqualTo("invalid-input");
            Map<String, Object> longTitle = new HashMap<>(McpApiTest.rubricBounty("t".repeat(201)));
            assertThat(refusal(posting, "post_bounty", longTitle)).isEqualTo("invalid-input");
            assertThat(refusal(signed, "follow_submission", Map.of("submissionId", "not-a-uuid")))
                    .isEqualTo("invalid-input");
            assertThat(refusal(signed, "follow_submission", Map.of("submissionId",
                    "00000000-0000-4000-8000-000000000000", "waitSeconds", 61))).isEqualTo("invalid-input");
        }
        assertThat(submissions()).isZero();
    }

    private static int submissions() {
        return poster.bounty(bountyId).submissions();
    }

    private static URI mcp() {
        return job.uri().resolve("/mcp");
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static String call(int id, String tool, Map<String, Object> args) {
        return new JSONObject().put("jsonrpc", "2.0").put("id", id).put("method", "tools/call")
                .put("params", new JSONObject().put("name", tool).put("arguments", new JSONObject(args))).toString();
    }

    private static HttpResponse<String> post(String body, Map<String, String> headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(mcp()).header("Content-Type", "application/json")
                .header("Accept", "application/json, text/event-stream").POST(HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(b::header);
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }
}
