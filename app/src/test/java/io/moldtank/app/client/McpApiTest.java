package io.moldtank.app.client;

import static io.moldtank.app.client.McpClients.ok;
import static io.moldtank.app.client.McpClients.refusal;
import static org.assertj.core.api.Assertions.assertThat;

import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpSchema;
import io.moldtank.client.Bounty;
import io.moldtank.client.Listing;
import io.moldtank.client.MoldTank;
import io.moldtank.client.Usdc;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 18 §4 against the running main job, with the MCP Java SDK's own client: every tool listed and called,
 * a bounty posted, funded, solved and paid through tools alone, a job hired and run through its moves, and
 * refusals seen as MCP tool errors carrying the problem code.
 */
@Timeout(180)
class McpApiTest {
    private static final Clock CLOCK = Clock.systemUTC();
    static final List<String> TOOLS = List.of("find_bounties", "read_bounty", "submit_solution", "follow_submission",
            "post_bounty", "fund_bounty", "discover_listings", "hire_agent", "move_job", "read_job", "read_wallet",
            "deposit_test_usdc");

    static MoldTank registered(URI server, String name) {
        MoldTank agent = ClientSdkApiTest.agent(server);
        agent.register(new MoldTank.Registration(ClientSdkApiTest.wallet(), name, "an MCP test agent", null));
        return agent;
    }

    static Map<String, Object> rubricBounty(String title) {
        return Map.of("title", title, "description", "Write a haiku about escrow.", "reward", "7.5",
                "deadline", "P2D", "tags", List.of("haiku"),
                "acceptance", Map.of("kind", "rubric", "rubric", "five, seven, five syllables"));
    }

    @Test
    void an_mcp_client_posts_funds_solves_and_is_paid_through_tools_alone(@TempDir Path dir) throws Exception {
        try (MainJobWithJudge job = new MainJobWithJudge(dir, Map.of());
             MoldTank poster = registered(job.uri(), "poster"); MoldTank solver = registered(job.uri(), "solver");
             McpSyncClient posting = McpClients.connect(job.uri(), poster.identity(), CLOCK);
             McpSyncClient solving = McpClients.connect(job.uri(), solver.identity(), CLOCK)) {
            assertThat(solving.getServerInfo().name()).isEqualTo("moldtank");
            assertThat(solving.listTools().tools()).extracting(McpSchema.Tool::name)
                    .containsExactlyInAnyOrderElementsOf(TOOLS);

            Map<String, Object> draft = ok(posting, "post_bounty", rubricBounty("Haiku " + dir.getFileName()));
            assertThat(draft.get("status")).isEqualTo("DRAFT");
            String bountyId = (String) draft.get("id");
            assertThat(ok(posting, "fund_bounty", Map.of("bountyId", bountyId)).get("status")).isEqualTo("OPEN");

            int calls = 0;
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> found = (List<Map<String, Object>>) ok(solving, "find_bounties",
                    Map.of("tag", "haiku")).get("bounties");
            calls++;
            assertThat(found).extracting(b -> b.get("id")).contains(bountyId);
            assertThat(ok(solving, "read_bounty", Map.of("bountyId", bountyId)).get("reward")).isEqualTo("7.500000");
            calls++;
            long start = System.nanoTime();
            Map<String, Object> submitted = ok(solving, "submit_solution", Map.of("bountyId", bountyId,
                    "files", Map.of("haiku.txt", "coins wait in the dark\nuntil the tests say yes\nthen light")));
            calls++;
            Map<String, Object> followed;
            do {
                followed = ok(solving, "follow_submission", Map.of("submissionId", submitted.get("id"),
                        "waitSeconds", 30));
                calls++;
            } while (!Boolean.TRUE.equals(followed.get("settled")) && calls < 10);
            long submitToPaidMs = (System.nanoTime() - start) / 1_000_000;
            assertThat(followed.get("paid")).isEqualTo(true);
            @SuppressWarnings("unchecked")
            Map<String, Object> payout = (Map<String, Object>) followed.get("payout");
            assertThat(payout).containsEntry("amount", "7.500000").containsEntry("status", "CONFIRMED");
            assertThat(solver.bounty(bountyId).status()).isEqualTo("PAID");
            System.err.printf("MCP: find → paid in %d tool calls, submit → paid %d ms%n", calls, submitToPaidMs);

            // the same files again: the domain's refusal, as a tool error with its code
            assertThat(refusal(solving, "submit_solution", Map.of("bountyId", bountyId,
                    "files", Map.of("haiku.txt", "coins wait in the dark\nuntil the tests say yes\nthen light"))))
                    .isIn("duplicate-submission", "illegal-transition");
            assertThat(refusal(solving, "read_bounty", Map.of("bountyId", "00000000-0000-4000-8000-000000000000")))
                    .isEqualTo("not-found");
            String metrics = metrics(job.uri());
            assertThat(metrics).containsPattern("moldtank_mcp_tool_calls_total\\{outcome=\"ok\",[^}]*tool=\"submit_solution\"")
                    .containsPattern("moldtank_mcp_tool_calls_total\\{outcome=\"not-found\",[^}]*tool=\"read_bounty\"");
        }
    }

    @Test
    void a_job_is_hired_and_run_through_its_moves_by_tools(@TempDir Path dir) throws Exception {
        try (MainJobWithJudge job = new MainJobWithJudge(dir, Map.of());
             MoldTank seller = registered(job.uri(), "seller"); MoldTank client = registered(job.uri(), "client");
             McpSyncClient selling = McpClients.connect(job.uri(), seller.identity(), CLOCK);
             McpSyncClient hiring = McpClients.connect(job.uri(), client.identity(), CLOCK)) {
            Listing listing = seller.market().sell("Code review", "I review a pull request", Usdc.parse("4"),
                    List.of("review"));
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> listings = (List<Map<String, Object>>) ok(hiring, "discover_listings",
                    Map.of("tag", "review")).get("listings");
            assertThat(listings).extracting(l -> l.get("id")).contains(listing.id());

            String jobId = (String) ok(hiring, "hire_agent", Map.of("listingId", listing.id())).get("id");
            assertThat(refusal(hiring, "move_job", Map.of("jobId", jobId, "move", "accept"))).isEqualTo("wrong-party");
            ok(selling, "move_job", Map.of("jobId", jobId, "move", "accept"));
            assertThat(refusal(hiring, "move_job", Map.of("jobId", jobId, "move", "fund")))
                    .isEqualTo("insufficient-funds");
            assertThat(ok(hiring, "deposit_test_usdc", Map.of("amount", "10")).get("available")).isEqualTo("10.000000");
            ok(hiring, "move_job", Map.of("jobId", jobId, "move", "fund"));
            ok(selling, "move_job", Map.of("jobId", jobId, "move", "start"));
            ok(selling, "deposit_test_usdc", Map.of("amount", "1")); // delivering costs the storage fee
            ok(selling, "move_job", Map.of("jobId", jobId, "move", "deliver", "result", "LGTM with two nits"));
            Map<String, Object> delivered = ok(hiring, "read_job", Map.of("jobId", jobId, "waitSeconds", 0));
            assertThat(delivered.get("status")).isEqualTo("DELIVERED");
            assertThat(delivered.get("result")).isEqualTo("(hidden until the job completes)");
            Map<String, Object> done = ok(hiring, "move_job", Map.of("jobId", jobId, "move", "verify",
                    "verdict", "PASSED"));
            assertThat(done).containsEntry("status", "COMPLETED").containsEntry("result", "LGTM with two nits");
            // 10 deposited, less the price in escrow (4) and the verification fee (0.01) charged on verify
            assertThat(ok(hiring, "read_wallet", Map.of()).get("available")).isEqualTo("5.990000");
            assertThat(new java.math.BigDecimal((String) ok(selling, "read_wallet", Map.of()).get("available")))
                    .isPositive();
        }
    }

    static String metrics(URI server) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(server.resolve("/observe/metrics"))
                .header("Accept", "text/plain").build(), HttpResponse.BodyHandlers.ofString()).body();
    }
}
