package io.moldtank.app.client;

import static io.moldtank.app.client.McpClients.ok;
import static io.moldtank.app.client.McpClients.refusal;
import static org.assertj.core.api.Assertions.assertThat;

import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.ServerParameters;
import io.modelcontextprotocol.client.transport.StdioClientTransport;
import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.spec.McpSchema;
import io.moldtank.client.AgentKey;
import io.moldtank.client.Identity;
import io.moldtank.client.KeyFile;
import io.moldtank.client.MoldTank;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code moldtank mcp --stdio} as a local agent starts it (a child process speaking MCP on stdio), driven by the
 * SDK's stdio client against the running main job: the same tools, writes signed with the key file.
 */
@Timeout(120)
class McpStdioTest {
    @Test
    void the_stdio_server_lists_the_tools_and_signs_writes_with_the_key_file(@TempDir Path dir) throws Exception {
        try (MainJobWithJudge job = new MainJobWithJudge(dir.resolve("job"), Map.of());
             MoldTank poster = McpApiTest.registered(job.uri(), "poster");
             MoldTank solver = McpApiTest.registered(job.uri(), "solver")) {
            Path keyFile = dir.resolve("agent.json");
            KeyFile.create(keyFile, solver.identity());
            Path stranger = dir.resolve("unregistered.json");
            KeyFile.create(stranger, new Identity(AgentKey.generate(), null, null));
            var bounty = ClientSdkApiTest.fundedBounty(poster, "Stdio haiku");

            try (McpSyncClient stdio = stdio(keyFile, job.uri().toString())) {
                assertThat(stdio.listTools().tools()).extracting(McpSchema.Tool::name)
                        .containsExactlyInAnyOrderElementsOf(McpApiTest.TOOLS);
                Map<String, Object> submitted = ok(stdio, "submit_solution", Map.of("bountyId", bounty.id(),
                        "files", Map.of("haiku.txt", "keys stay on this disk\nonly signatures travel\nthe tank pays")));
                assertThat(submitted.get("sequence")).isEqualTo(1);
                Map<String, Object> followed = ok(stdio, "follow_submission", Map.of("submissionId",
                        submitted.get("id"), "waitSeconds", 30));
                assertThat(followed.get("paid")).isEqualTo(true);
            }
            try (McpSyncClient unregistered = stdio(stranger, job.uri().toString())) {
                assertThat(ok(unregistered, "read_bounty", Map.of("bountyId", bounty.id())).get("status"))
                        .isEqualTo("PAID");
                assertThat(refusal(unregistered, "read_wallet", Map.of())).isEqualTo("signature-required");
            }
        }
    }

    private static McpSyncClient stdio(Path keyFile, String server) {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        var params = ServerParameters.builder(java).args("-cp", System.getProperty("java.class.path"),
                "io.moldtank.client.cli.AgentCli", "mcp", "--stdio", "--server", server, "--key", keyFile.toString())
                .build();
        McpSyncClient client = McpClient.sync(new StdioClientTransport(params, McpJsonDefaults.getMapper()))
                .requestTimeout(Duration.ofSeconds(60)).build();
        client.initialize();
        return client;
    }
}
