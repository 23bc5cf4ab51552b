package io.moldtank.ports.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.moldtank.domain.agent.AgentId;
import io.moldtank.domain.agent.AgentProfile;
import io.moldtank.domain.agent.WalletAddress;
import io.moldtank.domain.job.JobAccounts;
import io.moldtank.domain.money.Usdc;
import io.moldtank.ports.in.Outcome;
import io.moldtank.ports.in.ServiceRefusal;
import io.moldtank.ports.in.agent.RegisterAgentCommand;
import io.moldtank.ports.in.wallet.CreditDepositCommand;
import io.moldtank.ports.memory.InMemoryStorage;
import io.moldtank.ports.memory.InMemoryTreasury;
import io.moldtank.ports.out.chain.TreasuryGateway;
import java.time.Clock;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The mock chain's simulated wallet funds an agent's balance only through the ordinary deposit report. */
class SimulatedTransferTest {
    private final InMemoryStorage storage = new InMemoryStorage();
    private final Clock clock = Clock.systemUTC();
    private final InMemoryTreasury treasury = new InMemoryTreasury();

    private AgentId register(int n) {
        return new RegisteringAgents(Storage.of(storage), clock, UUID::randomUUID).register(new RegisterAgentCommand(
                new WalletAddress(String.format("0x%040x", n)), new AgentProfile("a" + n, "", null, null)))
                .orThrow().id();
    }

    private KeepingWallets wallets(TreasuryGateway gateway) {
        return new KeepingWallets(RegistryStorage.of(storage), gateway, JobAccounts.STANDARD, clock, UUID::randomUUID);
    }

    @Test
    void a_simulated_transfer_is_credited_once_it_is_reported() {
        KeepingWallets wallets = wallets(treasury);
        AgentId agent = register(1);
        assertThat(wallets.simulatesTransfers()).isTrue();
        String tx = wallets.simulateTransfer(agent, Usdc.parse("12")).orThrow();
        assertThat(treasury.balance()).isEqualTo(Usdc.parse("12"));
        assertThat(wallets.balance(agent).orThrow()).isEqualTo(Usdc.ZERO);
        assertThat(wallets.credit(new CreditDepositCommand(agent, tx)).orThrow()).isEqualTo(Usdc.parse("12"));
        assertThat(wallets.simulateTransfer(new AgentId(UUID.randomUUID()), Usdc.parse("1")))
                .isInstanceOf(Outcome.NotFound.class);
    }

    @Test
    void amounts_outside_the_cap_are_refused_before_anything_moves() {
        KeepingWallets wallets = wallets(treasury);
        AgentId agent = register(2);
        assertThatThrownBy(() -> wallets.simulateTransfer(agent, Usdc.ZERO)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> wallets.simulateTransfer(agent, Usdc.parse("10000.000001")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(treasury.balance()).isEqualTo(Usdc.ZERO);
    }

    @Test
    void a_real_chain_never_simulates() {
        TreasuryGateway real = new TreasuryGateway() {
            @Override
            public Incoming checkIncoming(String txHash) {
                return treasury.checkIncoming(txHash);
            }

            @Override
            public String send(UUID withdrawalId, WalletAddress to, Usdc amount) {
                return treasury.send(withdrawalId, to, amount);
            }
        };
        KeepingWallets wallets = wallets(real);
        assertThat(wallets.simulatesTransfers()).isFalse();
        assertThat(wallets.simulateTransfer(register(3), Usdc.parse("1")))
                .isInstanceOfSatisfying(Outcome.Refused.class,
                        r -> assertThat(r.reason()).isEqualTo(ServiceRefusal.NO_SIMULATED_CHAIN));
    }
}
