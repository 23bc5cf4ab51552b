package io.moldtank.ports.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.moldtank.domain.agent.AgentId;
import io.moldtank.domain.bounty.*;
import io.moldtank.domain.money.Usdc;
import io.moldtank.domain.payout.PayoutStatus;
import io.moldtank.domain.validation.QuorumPolicy;
import io.moldtank.domain.validation.Vote;
import io.moldtank.ports.in.Outcome;
import io.moldtank.ports.in.ServiceRefusal;
import io.moldtank.ports.in.bounty.ConfirmDepositCommand;
import io.moldtank.ports.in.bounty.PostBountyCommand;
import io.moldtank.ports.in.submission.SubmitSolutionCommand;
import io.moldtank.ports.in.validation.ResolveDeadLetterCommand;
import io.moldtank.ports.out.queue.QueuedSubmission;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class BountyFlowTest {
    private final InMemorySystem sys = new InMemorySystem(3);
    private final Usdc reward = Usdc.ofWhole(50);

    @AfterEach
    void close() {
        sys.close();
    }

    @Test
    void a_passing_submission_is_awarded_released_from_escrow_and_paid_with_its_tx_hash() {
        AgentId poster = sys.register(1, null);
        AgentId solver = sys.register(2, null);
        BountyId bounty = sys.openBounty(poster, 1, reward, QuorumPolicy.ONE_OF_ONE);
        sys.core.submitting().submit(new SubmitSolutionCommand(bounty, solver, sys.content("good"))).orThrow();

        var report = sys.core.validating().validateNext("w1").orElseThrow();
        assertThat(report.awarded()).isTrue();
        assertThat(sys.core.payingOut().processDue(10)).isEqualTo(1); // release sent
        assertThat(sys.core.payingOut().processDue(10)).isEqualTo(1); // confirmed

        var b = sys.core.browsing().bounty(bounty).orThrow();
        assertThat(b.status()).isEqualTo(BountyStatus.PAID);
        assertThat(b.payoutTx()).startsWith("0x");
        assertThat(sys.escrow.balanceOf(InMemorySystem.wallet(2))).isEqualTo(reward);
        assertThat(sys.escrow.held()).isEqualTo(Usdc.ZERO);
        assertThat(sys.core.browsing().payoutOf(bounty).orThrow().status()).isEqualTo(PayoutStatus.CONFIRMED);
    }

    @Test
    void a_finished_submission_queued_again_is_handed_back_without_a_second_round() {
        AgentId poster = sys.register(1, null);
        AgentId solver = sys.register(2, null);
        BountyId bounty = sys.openBounty(poster, 1, reward, QuorumPolicy.ONE_OF_ONE);
        var submitted = sys.core.submitting().submit(new SubmitSolutionCommand(bounty, solver, sys.content("good")))
                .orThrow();
        assertThat(sys.core.validating().validateNext("w1").orElseThrow().awarded()).isTrue();
        long votes = sys.votesCast.get();

        // an enqueue re-sent after its reply was lost, once a worker had already acked the item
        assertThat(sys.queue.enqueue(new QueuedSubmission(bounty, submitted.sequence(),
                submitted.id()))).as("queued a second time").isTrue();
        assertThat(sys.core.validating().validateNext("w2")).isEmpty();

        assertThat(sys.votesCast.get()).as("no second round of votes").isEqualTo(votes);
        assertThat(sys.queue.depth()).isZero();
        assertThat(sys.core.browsing().bounty(bounty).orThrow().status()).isEqualTo(BountyStatus.AWARDED);
    }

    @Test
    void a_deposit_tx_of_another_bounty_does_not_open_this_one() {
        AgentId poster = sys.register(1, null);
        BountyId first = sys.openBounty(poster, 1, reward, QuorumPolicy.ONE_OF_ONE);
        BountyId second = sys.core.posting().post(new PostBountyCommand(poster,
                sys.terms(reward, Duration.ofDays(1), QuorumPolicy.ONE_OF_ONE))).orThrow().id();
        String firstTx = sys.escrow.transactions().getFirst().hash();
        assertThat(sys.core.funding().confirmDeposit(new ConfirmDepositCommand(second, firstTx)))
                .isInstanceOfSatisfying(Outcome.Refused.class,
                        r -> assertThat(r.reason()).isEqualTo(ServiceRefusal.DEPOSIT_INVALID));
        assertThat(sys.core.browsing().bounty(first).orThrow().status()).isEqualTo(BountyStatus.OPEN);
        assertThat(sys.core.browsing().bounty(second).orThrow().status()).isEqualTo(BountyStatus.DRAFT);
    }

    @Test
    void two_of_three_consensus_with_an_error_is_retried_then_dead_lettered_then_resolved_by_a_person() {
        AgentId poster = sys.register(1, null);
        AgentId solver = sys.register(2, null);
        BountyId bounty = sys.openBounty(poster, 1, reward, QuorumPolicy.TWO_OF_THREE);
        sys.scripts.put("split", List.of(Vote.Kind.PASS, Vote.Kind.FAIL, Vote.Kind.ERROR));
        var sub = sys.core.submitting().submit(new SubmitSolutionCommand(bounty, solver, sys.content("split"))).orThrow();

        for (int i = 0; i < 3; i++) {
            assertThat(sys.core.validating().validateNext("w1")).isPresent();
        }
        assertThat(sys.core.validating().validateNext("w1")).isEmpty();
        var dead = sys.core.browsing().submission(sub.id()).orThrow();
        assertThat(dead.status()).isEqualTo(SubmissionStatus.DEAD_LETTERED);
        assertThat(dead.votes()).hasSize(9);

        sys.core.validating().resolve(new ResolveDeadLetterCommand(sub.id(), true, "ops@moldtank", "checked by hand"))
                .orThrow();
        assertThat(sys.core.browsing().bounty(bounty).orThrow().status()).isEqualTo(BountyStatus.AWARDED);
    }

    @Test
    void a_release_that_landed_but_whose_answer_was_lost_is_never_sent_twice() {
        AgentId poster = sys.register(1, null);
        AgentId solver = sys.register(2, null);
        BountyId bounty = sys.openBounty(poster, 1, reward, QuorumPolicy.ONE_OF_ONE);
        sys.core.submitting().submit(new SubmitSolutionCommand(bounty, solver, sys.content("good"))).orThrow();
        sys.core.validating().validateNext("w1").orElseThrow();

        sys.escrow.loseNextReleaseAnswer();
        sys.core.payingOut().processDue(10); // release mined, answer lost → back-off
        sys.clock.advance(Duration.ofSeconds(1));
        sys.core.payingOut().processDue(10); // adopts the on-chain release
        sys.core.payingOut().processDue(10); // confirms

        assertThat(sys.escrow.transactions()).filteredOn(t -> t.kind() == io.moldtank.ports.memory.InMemoryEscrow.Kind.RELEASE)
                .hasSize(1);
        assertThat(sys.core.browsing().bounty(bounty).orThrow().status()).isEqualTo(BountyStatus.PAID);
        assertThat(sys.escrow.balanceOf(InMemorySystem.wallet(2))).isEqualTo(reward);
    }

    /** An awarded bounty whose first {@code failures} releases fail, driven through the whole back-off. */
    private BountyId awardedWithFailingReleases(int failures) {
        AgentId poster = sys.register(1, null);
        AgentId solver = sys.register(2, null);
        BountyId bounty = sys.openBounty(poster, 1, reward, QuorumPolicy.ONE_OF_ONE);
        sys.core.submitting().submit(new SubmitSolutionCommand(bounty, solver, sys.content("good"))).orThrow();
        sys.core.validating().validateNext("w1").orElseThrow();
        sys.escrow.failNextReleases(failures);
        for (int delay : new int[] {1, 2, 4, 8, 16}) {
            sys.core.payingOut().processDue(10);
            sys.clock.advance(Duration.ofSeconds(delay));
        }
        return bounty;
    }

    @Test
    void a_payout_that_keeps_failing_is_parked_after_five_tries_and_an_operator_can_retry_it() {
        BountyId bounty = awardedWithFailingReleases(5);
        var parked = sys.core.browsing().payoutOf(bounty).orThrow();
        assertThat(parked.status()).isEqualTo(PayoutStatus.PARKED);
        assertThat(parked.attempts()).isEqualTo(5);

        assertThat(sys.core.payingOut().markResolved(new io.moldtank.ports.in.payout.ResolvePayoutCommand(
                new io.moldtank.domain.payout.PayoutId(java.util.UUID.randomUUID()), "0x" + "cd".repeat(32), "ops")))
                .isInstanceOf(Outcome.NotFound.class);
        sys.core.payingOut().retry(parked.id()).orThrow();
        assertThat(sys.core.payingOut().markResolved(new io.moldtank.ports.in.payout.ResolvePayoutCommand(
                parked.id(), "0x" + "cd".repeat(32), "ops"))).isInstanceOf(Outcome.Refused.class); // no longer parked
        sys.core.payingOut().processDue(10);
        sys.core.payingOut().processDue(10);
        assertThat(sys.core.browsing().bounty(bounty).orThrow().status()).isEqualTo(BountyStatus.PAID);
    }

    @Test
    void an_x402_winner_is_paid_through_the_payment_rail_after_the_release() {
        AgentId poster = sys.register(1, null);
        AgentId solver = sys.register(2, "https://solver.example/x402");
        BountyId bounty = sys.openBounty(poster, 1, reward, QuorumPolicy.ONE_OF_ONE);
        sys.core.submitting().submit(new SubmitSolutionCommand(bounty, solver, sys.content("good"))).orThrow();
        sys.core.validating().validateNext("w1").orElseThrow();
        sys.core.payingOut().processDue(10);
        sys.core.payingOut().processDue(10);
        assertThat(sys.rail.payments()).singleElement().satisfies(p -> {
            assertThat(p.endpoint()).isEqualTo("https://solver.example/x402");
            assertThat(p.amount()).isEqualTo(reward);
        });
        assertThat(sys.core.browsing().payoutOf(bounty).orThrow().receipt()).contains("success");
        // the escrow released to the platform's wallet, never straight to the winner as well
        assertThat(sys.escrow.balanceOf(InMemorySystem.PLATFORM)).isEqualTo(reward);
        assertThat(sys.escrow.balanceOf(InMemorySystem.wallet(2))).isEqualTo(Usdc.ZERO);
    }

    @Test
    void an_operator_marks_a_parked_payout_resolved_with_the_transaction_that_paid_it() {
        BountyId bounty = awardedWithFailingReleases(5);
        var parked = sys.core.browsing().payoutOf(bounty).orThrow();
        var resolved = sys.core.payingOut().markResolved(new io.moldtank.ports.in.payout.ResolvePayoutCommand(
                parked.id(), "0x" + "ab".repeat(32), "ops@moldtank")).orThrow();
        assertThat(resolved.status()).isEqualTo(PayoutStatus.CONFIRMED);
        assertThat(resolved.receipt()).contains("ops@moldtank");
        assertThat(sys.core.browsing().bounty(bounty).orThrow().status()).isEqualTo(BountyStatus.PAID);
        assertThat(sys.core.browsing().bounty(bounty).orThrow().payoutTx()).isEqualTo("0x" + "ab".repeat(32));
    }

    @Test
    void a_resolution_needs_a_well_formed_transaction_hash_and_an_operator() {
        var id = new io.moldtank.domain.payout.PayoutId(java.util.UUID.randomUUID());
        for (String bad : new String[] {"0xabc", "ab".repeat(32), "0x" + "zz".repeat(32), "0x" + "ab".repeat(33)}) {
            assertThatThrownBy(() -> new io.moldtank.ports.in.payout.ResolvePayoutCommand(id, bad, "ops"))
                    .as(bad).isInstanceOf(IllegalArgumentException.class);
        }
        assertThatThrownBy(() -> new io.moldtank.ports.in.payout.ResolvePayoutCommand(id, "0x" + "ab".repeat(32), " "))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
