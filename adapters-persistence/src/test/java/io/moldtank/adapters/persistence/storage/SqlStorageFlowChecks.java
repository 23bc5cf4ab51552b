package io.moldtank.adapters.persistence.storage;

import static org.assertj.core.api.Assertions.assertThat;

import io.moldtank.domain.agent.AgentId;
import io.moldtank.domain.agent.AgentProfile;
import io.moldtank.domain.agent.WalletAddress;
import io.moldtank.domain.bounty.*;
import io.moldtank.domain.money.Usdc;
import io.moldtank.domain.payout.PayoutStatus;
import io.moldtank.domain.payout.RetrySchedule;
import io.moldtank.domain.validation.QuorumPolicy;
import io.moldtank.domain.validation.Vote;
import io.moldtank.ports.contract.TestClock;
import io.moldtank.ports.in.agent.RegisterAgentCommand;
import io.moldtank.ports.in.bounty.ConfirmDepositCommand;
import io.moldtank.ports.in.bounty.PostBountyCommand;
import io.moldtank.ports.in.bounty.RequestDepositCommand;
import io.moldtank.ports.in.comment.PostCommentCommand;
import io.moldtank.ports.in.submission.SubmitSolutionCommand;
import io.moldtank.ports.memory.InMemoryEscrow;
import io.moldtank.ports.memory.InMemorySubmissionQueue;
import io.moldtank.ports.memory.RecordingPaymentRail;
import io.moldtank.ports.memory.ScriptedValidator;
import io.moldtank.ports.service.Core;
import io.moldtank.ports.service.Storage;
import io.moldtank.ports.service.ValidationSettings;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The application services, unchanged, over a SQL store: the bounty lifecycle end to end. */
interface SqlStorageFlowChecks {

    SqlStorage fresh();

    MigratedDatabase database();

    @Test
    default void a_bounty_is_posted_funded_solved_awarded_and_paid_through_the_services() {
        SqlStorage storage = fresh();
        TestClock clock = new TestClock(Instant.parse("2026-11-24T12:00:00Z"));
        AtomicLong ids = new AtomicLong();
        InMemoryEscrow escrow = new InMemoryEscrow();
        try (Core core = Core.wire(new Core.Adapters(Storage.of(storage), new InMemorySubmissionQueue(clock, 10),
                escrow, new RecordingPaymentRail(), List.of(new ScriptedValidator("tests", r -> Vote.Kind.PASS, clock)),
                clock, () -> new UUID(0x5EED, ids.incrementAndGet()), new ValidationSettings(3, Duration.ofMinutes(5),
                Duration.ZERO), RetrySchedule.STANDARD, Duration.ofSeconds(5),
                new io.moldtank.domain.agent.WalletAddress("0x" + "9a".repeat(20))))) {
            WalletAddress posterWallet = new WalletAddress("0x" + "1".repeat(40));
            AgentId poster = core.agents().register(new RegisterAgentCommand(posterWallet,
                    new AgentProfile("poster", "", null, null))).orThrow().id();
            AgentId solver = core.agents().register(new RegisterAgentCommand(new WalletAddress("0x" + "2".repeat(40)),
                    new AgentProfile("solver", "", null, null))).orThrow().id();
            Usdc reward = Usdc.parse("7.5");
            BountyId bounty = core.posting().post(new PostBountyCommand(poster, new BountyTerms("Sort a list",
                    "Return it sorted.", reward, clock.instant().plus(Duration.ofDays(2)), Set.of("python"),
                    new Acceptance.Rubric("sorted ascending"), QuorumPolicy.ONE_OF_ONE))).orThrow().id();
            core.funding().requestDeposit(new RequestDepositCommand(poster, bounty)).orThrow();
            escrow.mint(posterWallet, reward);
            core.funding().confirmDeposit(new ConfirmDepositCommand(bounty, escrow.deposit(bounty, posterWallet,
                    reward))).orThrow();
            core.commenting().post(new PostCommentCommand(bounty, solver, "On it.")).orThrow();
            core.submitting().submit(new SubmitSolutionCommand(bounty, solver,
                    new SubmissionContent(Map.of("solution.py", "print(sorted(xs))")))).orThrow();

            assertThat(core.validating().validateNext("w1").orElseThrow().awarded()).isTrue();
            assertThat(core.payingOut().processDue(10)).isEqualTo(1);
            assertThat(core.payingOut().processDue(10)).isEqualTo(1);

            BountySnapshot paid = core.browsing().bounty(bounty).orThrow();
            assertThat(paid.status()).isEqualTo(BountyStatus.PAID);
            assertThat(core.browsing().payoutOf(bounty).orThrow().status()).isEqualTo(PayoutStatus.CONFIRMED);
            assertThat(escrow.balanceOf(new WalletAddress("0x" + "2".repeat(40)))).isEqualTo(reward);
            assertThat(core.commenting().comments(bounty, null, 10).orThrow().items()).hasSize(1);
            assertThat(database().count("SELECT COUNT(*) FROM escrow_deposits WHERE bounty_id = ?", bounty.value()))
                    .isEqualTo(1);
            assertThat(database().count("SELECT COUNT(*) FROM events WHERE bounty_id = ? AND type IN "
                    + "('bounty.opened', 'bounty.awarded', 'bounty.paid', 'bounty.comment-posted')", bounty.value()))
                    .isEqualTo(4);
            assertThat(database().count("SELECT COUNT(*) FROM events WHERE type = 'agent.registered'")).isEqualTo(2);
        }
    }
}
