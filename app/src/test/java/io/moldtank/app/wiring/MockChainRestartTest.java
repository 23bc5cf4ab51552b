package io.moldtank.app.wiring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.helidon.config.Config;
import io.helidon.config.ConfigSources;
import io.moldtank.domain.agent.AgentId;
import io.moldtank.domain.agent.AgentProfile;
import io.moldtank.domain.agent.WalletAddress;
import io.moldtank.domain.bounty.Acceptance;
import io.moldtank.domain.bounty.BountyId;
import io.moldtank.domain.bounty.BountyStatus;
import io.moldtank.domain.bounty.BountyTerms;
import io.moldtank.domain.money.Usdc;
import io.moldtank.domain.validation.QuorumPolicy;
import io.moldtank.ports.in.agent.RegisterAgentCommand;
import io.moldtank.ports.in.bounty.ConfirmDepositCommand;
import io.moldtank.ports.in.bounty.PostBountyCommand;
import io.moldtank.ports.in.bounty.RequestDepositCommand;
import io.moldtank.ports.memory.InMemoryEscrow;
import io.moldtank.ports.out.chain.EscrowGateway.DepositCheck;
import io.moldtank.ports.service.Core;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** On embedded defaults the mock chain keeps its escrow across restarts, beside the H2 file. */
class MockChainRestartTest {

    private static Config config(Path dir) {
        // a judge is configured only so that a bounty can be posted; nothing is submitted, so it is never called
        return Config.builder().addSource(ConfigSources.create(Map.of(
                        "moldtank.storage.h2.file", dir.resolve("db").toString(),
                        "moldtank.validators.0.kind", "openai-compatible",
                        "moldtank.validators.0.base-url", "http://127.0.0.1:9", "moldtank.validators.0.model", "unused")))
                .disableEnvironmentVariablesSource().disableSystemPropertiesSource().build();
    }

    private static void close(Wiring wiring) throws Exception {
        for (Wiring.OwnedResource r : wiring.resourcesInCloseOrder()) {
            r.resource().close();
        }
    }

    @Test
    void a_deposit_in_escrow_before_a_restart_is_still_there_after_it(@TempDir Path dir) throws Exception {
        Wiring first = Wiring.withSystemDefaults();
        Core core = Marketplace.wire(config(dir), first);
        AgentId poster = core.agents().register(new RegisterAgentCommand(new WalletAddress("0x" + "56".repeat(20)),
                new AgentProfile("poster", "", null, null))).orThrow().id();
        BountyId bounty = core.posting().post(new PostBountyCommand(poster, new BountyTerms("Keep me", "Any text.",
                Usdc.parse("7"), Instant.now().plus(Duration.ofDays(1)), Set.of("demo"),
                new Acceptance.Rubric("says hello"), QuorumPolicy.ONE_OF_ONE))).orThrow().id();
        String tx = core.funding().simulateDeposit(new RequestDepositCommand(poster, bounty)).orThrow().txHash();
        assertThat(core.funding().confirmDeposit(new ConfirmDepositCommand(bounty, tx)).orThrow().status())
                .isEqualTo(BountyStatus.OPEN);
        close(first);
        assertThat(dir.resolve("db-mock-chain.log")).as("journal beside the H2 file").exists();

        Wiring second = Wiring.withSystemDefaults();
        try {
            Marketplace.wire(config(dir), second);
            InMemoryEscrow chain = second.find(InMemoryEscrow.class).orElseThrow();
            assertThat(chain.held()).isEqualTo(Usdc.parse("7"));
            assertThat(chain.checkDeposit(bounty, tx)).isInstanceOf(DepositCheck.Confirmed.class);
            assertThat(second.choices().get("chain")).contains("db-mock-chain.log");
        } finally {
            close(second);
        }
    }

    @Test
    void an_unreadable_journal_stops_the_start_naming_its_file_and_line(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("db-mock-chain.log"), "mint 0x" + "56".repeat(20) + " 100\nnonsense here\n");
        Wiring wiring = Wiring.withSystemDefaults();
        try {
            assertThatThrownBy(() -> Marketplace.wire(config(dir), wiring))
                    .hasMessageContaining("db-mock-chain.log line 2");
        } finally {
            close(wiring);
        }
    }
    @Test
    void a_torn_last_line_left_by_a_killed_process_is_dropped_and_the_whole_lines_replayed(@TempDir Path dir)
            throws Exception {
        String wallet = "0x" + "56".repeat(20);
        Files.writeString(dir.resolve("db-mock-chain.log"), "mint " + wallet + " 100\nmint " + wallet + " 2");
        Wiring wiring = Wiring.withSystemDefaults();
        try {
            Marketplace.wire(config(dir), wiring);
            InMemoryEscrow chain = wiring.find(InMemoryEscrow.class).orElseThrow();
            assertThat(chain.minted()).isEqualTo(Usdc.ofUnits(100));
            assertThat(Files.readString(dir.resolve("db-mock-chain.log"))).isEqualTo("mint " + wallet + " 100\n");
        } finally {
            close(wiring);
        }
    }
}
