package io.moldtank.ports.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.moldtank.domain.agent.AgentId;
import io.moldtank.domain.bounty.BountyId;
import io.moldtank.domain.bounty.BountyStatus;
import io.moldtank.domain.money.Usdc;
import io.moldtank.domain.payout.PayoutStatus;
import io.moldtank.domain.reconciliation.Difference;
import io.moldtank.domain.reconciliation.Repair;
import io.moldtank.domain.validation.QuorumPolicy;
import io.moldtank.ports.in.bounty.PostBountyCommand;
import io.moldtank.ports.in.bounty.RequestDepositCommand;
import io.moldtank.ports.in.reconciliation.AcknowledgeDifferenceUseCase.AcknowledgeDifferenceCommand;
import io.moldtank.ports.in.submission.SubmitSolutionCommand;
import io.moldtank.ports.memory.InMemoryReconciliation;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Reconciliation over the in-memory system: what a crash between the chain and the books leaves, repaired or shown. */
class ReconcilingEscrowTest {
    private final InMemorySystem sys = new InMemorySystem(1);
    private final InMemoryReconciliation store = new InMemoryReconciliation(sys.storage);
    private final ReconcilingEscrow node = node("node-a");

    private ReconcilingEscrow node(String name) {
        return new ReconcilingEscrow(Storage.of(sys.storage), store, store, store, sys.escrow, sys.clock, name,
                Duration.ofMinutes(5));
    }

    @AfterEach
    void close() {
        sys.close();
    }

    private BountyId awaitingDeposit(AgentId poster) {
        BountyId id = sys.core.posting().post(new PostBountyCommand(poster, sys.terms(Usdc.parse("5"),
                Duration.ofDays(3), QuorumPolicy.ONE_OF_ONE))).orThrow().id();
        sys.core.funding().requestDeposit(new RequestDepositCommand(poster, id)).orThrow();
        return id;
    }

    @Test
    void a_deposit_on_chain_whose_confirmation_never_reached_the_books_opens_the_bounty() {
        AgentId poster = sys.register(1, null);
        BountyId bounty = awaitingDeposit(poster);
        sys.escrow.mint(InMemorySystem.wallet(1), Usdc.parse("5"));
        String tx = sys.escrow.deposit(bounty, InMemorySystem.wallet(1), Usdc.parse("5"));

        var report = node.reconcileNow().orElseThrow();

        assertThat(report.repaired()).containsExactly(new Repair.OpenBounty(bounty, tx, Usdc.parse("5")));
        assertThat(report.differences()).isEmpty();
        var opened = sys.core.browsing().bounty(bounty).orThrow();
        assertThat(opened.status()).isEqualTo(BountyStatus.OPEN);
        assertThat(opened.depositTx()).isEqualTo(tx);
        assertThat(node.reconcileNow().orElseThrow().repaired()).as("a second run finds nothing to do").isEmpty();
    }

    @Test
    void a_release_on_chain_that_the_books_never_recorded_marks_the_payout_and_the_bounty_paid_without_paying_again() {
        AgentId poster = sys.register(1, null);
        AgentId solver = sys.register(2, null);
        BountyId bounty = sys.openBounty(poster, 1, Usdc.parse("5"), QuorumPolicy.ONE_OF_ONE);
        sys.core.submitting().submit(new SubmitSolutionCommand(bounty, solver, sys.content("good"))).orThrow();
        assertThat(sys.core.validating().validateNext("w1").orElseThrow().awarded()).isTrue();
        var payout = sys.storage.payoutOf(bounty).orElseThrow();
        // the worker's release reached the chain, then the process died before recording it
        String tx = sys.escrow.release(payout.id(), bounty, payout.wallet(), payout.amount());

        var report = node.reconcileNow().orElseThrow();

        assertThat(report.repaired()).containsExactly(new Repair.MarkPaid(bounty, payout.id(), tx));
        assertThat(sys.storage.payoutOf(bounty).orElseThrow().status()).isEqualTo(PayoutStatus.CONFIRMED);
        assertThat(sys.core.browsing().bounty(bounty).orThrow().status()).isEqualTo(BountyStatus.PAID);
        assertThat(sys.escrow.transactions()).filteredOn(t -> t.bountyId().equals(bounty))
                .as("one deposit and one release: nothing paid by reconciliation").hasSize(2);
        assertThat(sys.core.payingOut().processDue(10)).as("nothing left for the payout worker").isZero();
    }

    @Test
    void money_in_escrow_for_a_bounty_the_books_lost_is_put_in_front_of_an_operator_who_can_note_it() {
        BountyId ghost = new BountyId(UUID.randomUUID());
        sys.escrow.mint(InMemorySystem.wallet(7), Usdc.parse("3"));
        String tx = sys.escrow.deposit(ghost, InMemorySystem.wallet(7), Usdc.parse("3"));

        var report = node.reconcileNow().orElseThrow();

        assertThat(report.repaired()).isEmpty();
        assertThat(report.openDifferences()).isEqualTo(1);
        var open = node.openDifferences(10);
        assertThat(open).singleElement().satisfies(r -> {
            assertThat(r.difference().kind()).isEqualTo(Difference.Kind.DEPOSIT_FOR_UNKNOWN_BOUNTY);
            assertThat(r.difference().bountyId()).isEqualTo(ghost);
            assertThat(r.difference().txHash()).isEqualTo(tx);
        });
        var acked = node.acknowledge(new AcknowledgeDifferenceCommand(open.get(0).id(), "ops", "refund by hand"));
        assertThat(acked.orThrow().note()).isEqualTo("refund by hand");
        assertThat(node.openDifferences(10)).as("noted, still open until the chain and books agree").hasSize(1);
    }

    @Test
    void runs_are_one_node_at_a_time_and_a_due_run_waits_for_its_interval_whichever_node_ran_last() {
        assertThat(node.reconcileIfDue(Duration.ofMinutes(10))).isPresent();
        ReconcilingEscrow other = node("node-b");
        assertThat(other.reconcileIfDue(Duration.ofMinutes(10))).as("done a moment ago by node-a").isEmpty();
        sys.clock.advance(Duration.ofMinutes(11));
        assertThat(other.reconcileIfDue(Duration.ofMinutes(10))).isPresent();

        store.tryHold(ReconcilingEscrow.LEASE, "node-c", Duration.ofMinutes(5), sys.clock.instant()).orElseThrow();
        assertThat(node.reconcileNow()).as("node-c is running one").isEmpty();
        sys.clock.advance(Duration.ofMinutes(6));
        assertThat(node.reconcileNow()).as("node-c died: its lease ran out").isPresent();
    }
}
