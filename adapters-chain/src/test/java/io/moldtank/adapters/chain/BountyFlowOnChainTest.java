package io.moldtank.adapters.chain;

import static org.assertj.core.api.Assertions.assertThat;

import io.moldtank.adapters.chain.ChainAdapters.Connection;
import io.moldtank.domain.agent.AgentId;
import io.moldtank.domain.agent.AgentProfile;
import io.moldtank.domain.agent.WalletAddress;
import io.moldtank.domain.bounty.*;
import io.moldtank.domain.money.Usdc;
import io.moldtank.domain.payout.PayoutId;
import io.moldtank.domain.payout.PayoutStatus;
import io.moldtank.domain.payout.RetrySchedule;
import io.moldtank.domain.validation.QuorumPolicy;
import io.moldtank.domain.validation.Vote;
import io.moldtank.ports.contract.TestClock;
import io.moldtank.ports.in.agent.RegisterAgentCommand;
import io.moldtank.ports.in.bounty.ConfirmDepositCommand;
import io.moldtank.ports.in.bounty.PostBountyCommand;
import io.moldtank.ports.in.bounty.RequestDepositCommand;
import io.moldtank.ports.in.submission.SubmitSolutionCommand;
import io.moldtank.ports.memory.*;
import io.moldtank.ports.out.chain.EscrowGateway;
import io.moldtank.ports.service.Core;
import io.moldtank.ports.service.Storage;
import io.moldtank.ports.service.ValidationSettings;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The ports' money path (BountyFlowTest, there on InMemoryEscrow) on a real chain: the core wired with
 * in-memory storage and the web3j gateway; the poster signs the calldata the core hands out.
 */
class BountyFlowOnChainTest {
    TestClock clock;
    final AtomicLong ids = new AtomicLong();
    final Usdc reward = Usdc.ofWhole(50);
    LocalChain chain;
    Connection connection;

    @BeforeEach
    void start() {
        chain = LocalChain.start();
        // The core's clock starts at the chain's: deadlines are checked against block time, whatever the day.
        clock = new TestClock(chain.now());
        chain.mint(LocalChain.POSTER.getAddress(), reward.toOnChain());
        connection = ChainAdapters.web3j(chain.settings());
    }

    @AfterEach
    void stop() {
        if (connection != null) {
            connection.close();
        }
        if (chain != null) {
            chain.close();
        }
    }

    Core core(EscrowGateway escrow) {
        return Core.wire(new Core.Adapters(Storage.of(new InMemoryStorage()), new InMemorySubmissionQueue(clock, 10),
                escrow, new RecordingPaymentRail(), List.of(new ScriptedValidator("v0", r -> Vote.Kind.PASS, clock)),
                clock, () -> new UUID(0xC4A1, ids.incrementAndGet()), new ValidationSettings(3, Duration.ofMinutes(5),
                Duration.ZERO), RetrySchedule.STANDARD, Duration.ofSeconds(5),
                new io.moldtank.domain.agent.WalletAddress("0x" + "9a".repeat(20))));
    }

    AgentId register(Core core, String wallet) {
        return core.agents().register(new RegisterAgentCommand(new WalletAddress(wallet),
                new AgentProfile("agent-" + wallet.substring(2, 8), "", null, null))).orThrow().id();
    }

    /** post → deposit instructions → the poster's wallet sends them → confirm → OPEN → a passing submission. */
    BountyId awardedBounty(Core core) {
        AgentId poster = register(core, LocalChain.POSTER.getAddress());
        AgentId solver = register(core, LocalChain.WINNER.getAddress());
        BountyTerms terms = new BountyTerms("Sort a list", "Solve it.", reward, clock.instant().plus(Duration.ofDays(3)),
                Set.of("demo"), new Acceptance.Rubric("must be correct"), QuorumPolicy.ONE_OF_ONE);
        BountyId bounty = core.posting().post(new PostBountyCommand(poster, terms)).orThrow().id();
        var instructions = core.funding().requestDeposit(new RequestDepositCommand(poster, bounty)).orThrow();
        String depositTx = null;
        for (var tx : instructions.transactions()) {
            var receipt = chain.send(LocalChain.POSTER, tx.to(), tx.data());
            assertThat(receipt.isStatusOK()).as(tx.description()).isTrue();
            depositTx = receipt.getTransactionHash();
        }
        core.funding().confirmDeposit(new ConfirmDepositCommand(bounty, depositTx)).orThrow();
        assertThat(core.browsing().bounty(bounty).orThrow().status()).isEqualTo(BountyStatus.OPEN);
        assertThat(chain.balanceOf(chain.escrow)).isEqualTo(reward.toOnChain());
        core.submitting().submit(new SubmitSolutionCommand(bounty, solver,
                new SubmissionContent(Map.of("solution.txt", "good")))).orThrow();
        assertThat(core.validating().validateNext("w1").orElseThrow().awarded()).isTrue();
        return bounty;
    }

    @Test
    void a_passing_submission_is_released_from_the_escrow_contract_and_paid_with_its_tx_hash() {
        try (Core core = core(connection.escrow())) {
            BountyId bounty = awardedBounty(core);
            assertThat(core.payingOut().processDue(10)).isEqualTo(1); // release sent
            assertThat(core.payingOut().processDue(10)).isEqualTo(1); // confirmed from the Released log

            var b = core.browsing().bounty(bounty).orThrow();
            assertThat(b.status()).isEqualTo(BountyStatus.PAID);
            assertThat(b.payoutTx()).isEqualTo(connection.escrow().findRelease(bounty).orElseThrow().txHash());
            assertThat(chain.balanceOf(LocalChain.WINNER.getAddress())).isEqualTo(reward.toOnChain());
            assertThat(chain.balanceOf(chain.escrow)).isEqualTo(BigInteger.ZERO);
            assertThat(core.browsing().payoutOf(bounty).orThrow().status()).isEqualTo(PayoutStatus.CONFIRMED);
        }
    }

    @Test
    void a_release_that_landed_but_whose_answer_was_lost_is_adopted_from_the_chain_never_sent_twice() throws Exception {
        EscrowGateway real = connection.escrow();
        EscrowGateway losesFirstAnswer = new LosingGateway(real);
        try (Core core = core(losesFirstAnswer)) {
            BountyId bounty = awardedBounty(core);
            core.payingOut().processDue(10); // mined on chain, the worker saw an error → back-off
            assertThat(core.browsing().payoutOf(bounty).orThrow().status()).isNotEqualTo(PayoutStatus.CONFIRMED);
            clock.advance(Duration.ofSeconds(1));
            core.payingOut().processDue(10); // finds the Released log and adopts its hash
            core.payingOut().processDue(10); // confirms

            assertThat(core.browsing().bounty(bounty).orThrow().status()).isEqualTo(BountyStatus.PAID);
            assertThat(chain.balanceOf(LocalChain.WINNER.getAddress())).isEqualTo(reward.toOnChain());
            assertThat(chain.web3j.ethGetTransactionCount(LocalChain.QA.getAddress(),
                    org.web3j.protocol.core.DefaultBlockParameterName.LATEST).send().getTransactionCount())
                    .as("the QA wallet sent exactly one transaction").isEqualTo(BigInteger.ONE);
        }
    }

    /** Delegates, but the first release's answer is lost after it was broadcast — as when a node drops the line. */
    private static final class LosingGateway implements EscrowGateway {
        private final EscrowGateway delegate;
        private boolean lost;

        LosingGateway(EscrowGateway delegate) {
            this.delegate = delegate;
        }

        @Override
        public List<UnsignedTx> depositTransactions(BountyId bountyId, WalletAddress payer, Usdc amount,
                                                    java.time.Instant deadline) {
            return delegate.depositTransactions(bountyId, payer, amount, deadline);
        }

        @Override
        public DepositCheck checkDeposit(BountyId bountyId, String txHash) {
            return delegate.checkDeposit(bountyId, txHash);
        }

        @Override
        public String release(PayoutId payoutId, BountyId bountyId, WalletAddress to, Usdc amount) {
            String hash = delegate.release(payoutId, bountyId, to, amount);
            if (!lost) {
                lost = true;
                throw new IllegalStateException("connection reset after broadcast of " + hash);
            }
            return hash;
        }

        @Override
        public Optional<ReleaseOnChain> findRelease(BountyId bountyId) {
            return delegate.findRelease(bountyId);
        }
    }
}
