package io.moldtank.app.wiring;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.helidon.config.Config;
import io.helidon.config.ConfigSources;
import io.moldtank.domain.agent.AgentId;
import io.moldtank.domain.agent.AgentProfile;
import io.moldtank.domain.agent.WalletAddress;
import io.moldtank.domain.bounty.*;
import io.moldtank.domain.money.Usdc;
import io.moldtank.domain.validation.QuorumPolicy;
import io.moldtank.ports.in.agent.RegisterAgentCommand;
import io.moldtank.ports.in.bounty.ConfirmDepositCommand;
import io.moldtank.ports.in.bounty.PostBountyCommand;
import io.moldtank.ports.in.bounty.RequestDepositCommand;
import io.moldtank.ports.in.submission.SubmitSolutionCommand;
import io.moldtank.ports.memory.InMemoryEscrow;
import io.moldtank.ports.service.Core;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The main job as wired from configuration — H2 storage, its queue, the background workers, an
 * judge (an OpenAI-compatible model over HTTP, or the test runner in Docker), the mock chain — takes a
 * bounty from draft to PAID.
 */
@Timeout(60)
class MainJobFlowTest {

    @Test
    void a_bounty_judged_by_an_llm_goes_from_draft_to_paid_in_the_wired_main_job(@TempDir Path dir) throws Exception {
        HttpServer judge = io.moldtank.app.LocalJudge.start();
        try {
            Map<String, String> values = base(dir);
            values.put("moldtank.validators.0.kind", "openai-compatible");
            values.put("moldtank.validators.0.base-url", "http://127.0.0.1:" + judge.getAddress().getPort());
            values.put("moldtank.validators.0.model", "local");
            runToPaid(values, new Acceptance.Rubric("five, seven, five syllables"),
                    Map.of("haiku.txt", "coins wait in the dark"));
        } finally {
            judge.stop(0);
        }
    }

    @Test
    void a_bounty_judged_by_its_tests_in_the_docker_sandbox_goes_from_draft_to_paid(@TempDir Path dir)
            throws Exception {
        requireDocker();
        Map<String, String> values = base(dir);
        values.put("moldtank.validators.0.kind", "test-runner");
        values.put("moldtank.validators.0.sandbox", "docker");
        runToPaid(values, new Acceptance.TestSuite(Map.of("test_add.py",
                        "from add import add\n\ndef test_add():\n    assert add(2, 3) == 5\n"),
                        "python3 -m pytest -q -p no:cacheprovider", Duration.ofSeconds(60)),
                Map.of("add.py", "def add(a, b):\n    return a + b\n"));
    }

    private static void requireDocker() {
        try {
            io.moldtank.adapters.sandbox.SandboxAdapters.docker(
                    io.moldtank.adapters.sandbox.SandboxAdapters.Settings.defaults());
        } catch (RuntimeException e) {
            if ("true".equals(System.getenv("CI"))) {
                throw new AssertionError("CI=true but the Docker sandbox is unavailable (run .ci/docker.sh): " + e, e);
            }
            System.err.println("\n*** SKIPPING the Docker main-job flow: " + e.getMessage() + " ***\n");
            org.junit.jupiter.api.Assumptions.abort("Docker sandbox unavailable");
        }
    }

    private static Map<String, String> base(Path dir) {
        Map<String, String> values = new HashMap<>();
        values.put("moldtank.storage.h2.file", dir.resolve("db").toString());
        values.put("moldtank.workers.payout-interval", "PT0.05S");
        return values;
    }

    private static void runToPaid(Map<String, String> values, Acceptance acceptance, Map<String, String> files)
            throws Exception {
        Config config = Config.builder().addSource(ConfigSources.create(values)).disableEnvironmentVariablesSource()
                .disableSystemPropertiesSource().build();
        Wiring wiring = Wiring.withSystemDefaults();
        try {
            Core core = Marketplace.wire(config, wiring);
            InMemoryEscrow chain = wiring.find(InMemoryEscrow.class).orElseThrow();
            WalletAddress posterWallet = new WalletAddress("0x" + "aa".repeat(20));
            WalletAddress solverWallet = new WalletAddress("0x" + "bb".repeat(20));
            AgentId poster = core.agents().register(new RegisterAgentCommand(posterWallet,
                    new AgentProfile("poster", "", null, null))).orThrow().id();
            AgentId solver = core.agents().register(new RegisterAgentCommand(solverWallet,
                    new AgentProfile("solver", "", null, null))).orThrow().id();
            Usdc reward = Usdc.parse("25");
            BountyId bounty = core.posting().post(new PostBountyCommand(poster, new BountyTerms("Solve it",
                    "As the acceptance says.", reward, Instant.now().plus(Duration.ofDays(1)), Set.of("demo"),
                    acceptance, QuorumPolicy.ONE_OF_ONE))).orThrow().id();
            core.funding().requestDeposit(new RequestDepositCommand(poster, bounty)).orThrow();
            chain.mint(posterWallet, reward);
            core.funding().confirmDeposit(new ConfirmDepositCommand(bounty, chain.deposit(bounty, posterWallet, reward)))
                    .orThrow();
            core.submitting().submit(new SubmitSolutionCommand(bounty, solver, new SubmissionContent(files))).orThrow();

            long until = System.nanoTime() + Duration.ofSeconds(45).toNanos();
            BountyStatus status;
            do {
                Thread.sleep(100);
                status = core.browsing().bounty(bounty).orThrow().status();
            } while (status != BountyStatus.PAID && System.nanoTime() < until);
            assertThat(status).as("votes: %s", core.browsing().submissionsOf(bounty).orThrow().stream()
                    .map(sub -> sub.votes()).toList()).isEqualTo(BountyStatus.PAID);
            assertThat(chain.balanceOf(solverWallet)).isEqualTo(reward);
            assertThat(core.browsing().payoutOf(bounty).orThrow().txHash()).startsWith("0x");
            if (acceptance instanceof Acceptance.TestSuite) {
                // the verdict record round-trips: a rerun of the PASS is a PASS on the same image with the same inputs
                var submission = core.browsing().submissionsOf(bounty).orThrow().getFirst();
                var rerun = new io.moldtank.ports.service.RerunningVerdicts(core.browsing(), core.panel())
                        .rerun(submission.id()).orThrow();
                assertThat(rerun.matches()).as("%s", rerun.differences()).isTrue();
                assertThat(rerun.rerun()).singleElement().satisfies(v -> {
                    assertThat(v.kind()).isEqualTo(io.moldtank.domain.validation.Vote.Kind.PASS);
                    assertThat(v.details().get("image")).matches("moldtank/sandbox:1@sha256:[0-9a-f]{64}")
                            .isEqualTo(rerun.recorded().getFirst().details().get("image"));
                    assertThat(v.details().get("inputs")).contains("submission/add.py")
                            .isEqualTo(rerun.recorded().getFirst().details().get("inputs"));
                });
            }
        } finally {
            for (Wiring.OwnedResource r : wiring.resourcesInCloseOrder()) {
                r.resource().close();
            }
        }
    }
}
