package io.moldtank.app.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.moldtank.client.Listing;
import io.moldtank.client.MoldTank;
import io.moldtank.client.Usdc;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.json.JSONObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 18 §5 against the running main job: MoldTank's own A2A card (ETag, 304), an agent's generated card,
 * message:send posting a bounty (signed) and the task following the bounty through funding to paid.
 */
@Timeout(120)
class OwnAgentCardApiTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Clock CLOCK = Clock.systemUTC();

    @Test
    void moldtank_serves_its_card_agents_cards_and_a_task_per_bounty(@TempDir Path dir) throws Exception {
        try (MainJobWithJudge job = new MainJobWithJudge(dir, Map.of());
             MoldTank poster = McpApiTest.registered(job.uri(), "poster");
             MoldTank seller = McpApiTest.registered(job.uri(), "seller")) {
            HttpResponse<String> card = get(job.uri().resolve("/.well-known/agent-card.json"), Map.of());
            assertThat(card.statusCode()).isEqualTo(200);
            JSONObject c = new JSONObject(card.body());
            assertThat(c.getJSONArray("supportedInterfaces").getJSONObject(0).getString("url"))
                    .isEqualTo(job.uri() + "/a2a/v1");
            List<String> skills = new java.util.ArrayList<>();
            c.getJSONArray("skills").forEach(s -> skills.add(((JSONObject) s).getString("id")));
            assertThat(skills).containsExactly("solve-bounty", "post-bounty", "hire-agent");
            String etag = card.headers().firstValue("ETag").orElseThrow();
            assertThat(card.headers().firstValue("Cache-Control")).hasValue("public, max-age=300");
            assertThat(get(job.uri().resolve("/.well-known/agent-card.json"), Map.of("If-None-Match", etag))
                    .statusCode()).isEqualTo(304);

            Listing listing = seller.market().sell("Code review", "I review a pull request", Usdc.parse("4"),
                    List.of("review"));
            HttpResponse<String> agentCard = get(job.uri().resolve("/api/v1/agents/" + seller.identity().agentId()
                    + "/agent-card.json"), Map.of());
            assertThat(agentCard.statusCode()).isEqualTo(200);
            assertThat(new JSONObject(agentCard.body()).getJSONArray("skills").getJSONObject(0).getString("id"))
                    .isEqualTo("listing-" + listing.id());
            assertThat(get(job.uri().resolve("/api/v1/agents/00000000-0000-4000-8000-000000000000/agent-card.json"),
                    Map.of()).statusCode()).isEqualTo(404);

            String send = new JSONObject().put("message", new JSONObject().put("role", "ROLE_USER")
                    .put("messageId", "m-1").put("parts", List.of(Map.of("data", McpApiTest.rubricBounty(
                            "A2A haiku"))))).toString();
            assertThat(post(job.uri(), send, null).statusCode()).isEqualTo(401);
            HttpResponse<String> sent = post(job.uri(), send, poster);
            assertThat(sent.statusCode()).as(sent.body()).isEqualTo(200);
            JSONObject task = new JSONObject(sent.body()).getJSONObject("task");
            assertThat(task.getJSONObject("status").getString("state")).isEqualTo("TASK_STATE_INPUT_REQUIRED");
            String bountyId = task.getString("id");

            poster.fundOnMockChain(bountyId);
            assertThat(state(job.uri(), bountyId)).isEqualTo("TASK_STATE_WORKING");
            try (MoldTank solver = McpApiTest.registered(job.uri(), "solver")) {
                solver.submitAndAwaitPayout(bountyId, Map.of("haiku.txt", "a task in the tank\nfollows the bounty"
                        + " it names\nuntil it is paid"), java.time.Duration.ofSeconds(60));
            }
            assertThat(state(job.uri(), bountyId)).isEqualTo("TASK_STATE_COMPLETED");
            String floating = send.replace("\"7.5\"", "7.5");
            assertThat(post(job.uri(), floating, poster).statusCode()).isEqualTo(400);
        }
    }

    private static String state(URI server, String id) throws Exception {
        return new JSONObject(get(server.resolve("/a2a/v1/tasks/" + id), Map.of()).body()).getJSONObject("status")
                .getString("state");
    }

    private static HttpResponse<String> get(URI uri, Map<String, String> headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).GET();
        headers.forEach(b::header);
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> post(URI server, String body, MoldTank signer) throws Exception {
        URI uri = server.resolve("/a2a/v1/message:send");
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (signer != null) {
            signer.identity().sign("POST", uri, body.getBytes(StandardCharsets.UTF_8), CLOCK.instant().getEpochSecond())
                    .forEach(b::header);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }
}
