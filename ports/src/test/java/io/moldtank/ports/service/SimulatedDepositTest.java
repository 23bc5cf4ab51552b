package io.moldtank.ports.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.moldtank.domain.agent.AgentId;
import io.moldtank.domain.agent.WalletAddress;
import io.moldtank.domain.bounty.BountyId;
import io.moldtank.domain.bounty.BountyStatus;
import io.moldtank.domain.money.Usdc;
import io.moldtank.domain.payout.PayoutId;
import io.moldtank.domain.validation.QuorumPolicy;
import io.moldtank.ports.in.Outcome;
import io.moldtank.ports.in.ServiceRefusal;
import io.moldtank.ports.in.bounty.ConfirmDepositCommand;
import io.moldtank.ports.in.bounty.PostBountyCommand;
import io.moldtank.ports.in.bounty.RequestDepositCommand;
import io.moldtank.ports.in.bounty.SimulatedDeposit;
import io.moldtank.ports.in.bounty.SimulateDepositUseCase;
import io.moldtank.ports.memory.InMemoryEscrow;
import io.moldtank.ports.out.chain.EscrowGateway;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The simulated wallet of the mock chain: the poster's deposit without a real wallet, then the ordinary confirmation. */
class SimulatedDepositTest {
    private final InMemorySystem sys = new InMemorySystem(1);
    private final Usdc reward = Usdc.parse("12.5");

    @AfterEach
    void close() {
        sys.close();
    }

    private BountyId draft(AgentId poster) {
        return sys.core.posting().post(new PostBountyCommand(poster,
                sys.terms(reward, Duration.ofDays(2), QuorumPolicy.ONE_OF_ONE))).orThrow().id();
    }

    @Test
    void the_simulated_wallet_pays_the_deposit_and_the_ordinary_confirmation_opens_the_bounty() {
        AgentId poster = sys.register(1, null);
        BountyId bounty = draft(poster);
        assertThat(sys.core.funding().simulatesDeposits()).isTrue();

        SimulatedDeposit paid = sys.core.funding().simulateDeposit(new RequestDepositCommand(poster, bounty)).orThrow();

        assertThat(paid.amount()).isEqualTo(reward);
        assertThat(paid.txHash()).matches("0x[0-9a-f]{64}");
        assertThat(sys.escrow.held()).isEqualTo(reward);
        assertThat(sys.escrow.balanceOf(InMemorySystem.wallet(1))).as("minted, then all deposited").isEqualTo(Usdc.ZERO);
        assertThat(sys.core.browsing().bounty(bounty).orThrow().status()).as("not open before the confirmation")
                .isNotEqualTo(BountyStatus.OPEN);
        assertThat(sys.core.funding().confirmDeposit(new ConfirmDepositCommand(bounty, paid.txHash())).orThrow().status())
                .isEqualTo(BountyStatus.OPEN);
    }

    @Test
    void only_the_poster_of_a_fundable_bounty_gets_a_simulated_deposit_and_never_twice() {
        AgentId poster = sys.register(1, null);
        AgentId other = sys.register(2, null);
        BountyId bounty = draft(poster);

        assertThat(sys.core.funding().simulateDeposit(new RequestDepositCommand(other, bounty)))
                .isInstanceOf(Outcome.Refused.class);
        assertThat(sys.core.funding().simulateDeposit(new RequestDepositCommand(poster,
                new BountyId(new UUID(1, 2))))).isInstanceOf(Outcome.NotFound.class);
        assertThat(sys.escrow.minted()).as("nothing minted for a refusal").isEqualTo(Usdc.ZERO);

        sys.core.funding().simulateDeposit(new RequestDepositCommand(poster, bounty)).orThrow();
        var again = sys.core.funding().simulateDeposit(new RequestDepositCommand(poster, bounty));
        assertThat(again).isInstanceOfSatisfying(Outcome.Refused.class,
                r -> assertThat(r.reason()).isEqualTo(ServiceRefusal.DEPOSIT_INVALID));
        assertThat(sys.escrow.minted()).as("the revert minted nothing").isEqualTo(reward);
        assertThat(sys.escrow.held()).isEqualTo(reward);
    }

    @Test
    void a_real_chain_never_simulates() {
        EscrowGateway real = new RealChainStandIn(sys.escrow);
        SimulateDepositUseCase funding = new FundingBounty(Storage.of(sys.storage), real, sys.clock);
        AgentId poster = sys.register(1, null);
        BountyId bounty = draft(poster);

        assertThat(funding.simulatesDeposits()).isFalse();
        assertThat(funding.simulateDeposit(new RequestDepositCommand(poster, bounty)))
                .isInstanceOfSatisfying(Outcome.Refused.class,
                        r -> assertThat(r.reason()).isEqualTo(ServiceRefusal.NO_SIMULATED_CHAIN));
        assertThat(sys.escrow.minted()).isEqualTo(Usdc.ZERO);
    }

    /** The mock chain's behaviour without its simulated wallet, as every real gateway is. */
    private record RealChainStandIn(InMemoryEscrow chain) implements EscrowGateway {
        @Override
        public List<UnsignedTx> depositTransactions(BountyId b, WalletAddress payer, Usdc amount, Instant deadline) {
            return chain.depositTransactions(b, payer, amount, deadline);
        }

        @Override
        public DepositCheck checkDeposit(BountyId b, String txHash) {
            return chain.checkDeposit(b, txHash);
        }

        @Override
        public String release(PayoutId payoutId, BountyId b, WalletAddress to, Usdc amount) {
            return chain.release(payoutId, b, to, amount);
        }

        @Override
        public Optional<ReleaseOnChain> findRelease(BountyId b) {
            return chain.findRelease(b);
        }
    }
}
