package io.moldtank.ports.contract;

import static io.moldtank.ports.contract.StorageFixtures.T0;
import static io.moldtank.ports.contract.StorageFixtures.agent;
import static io.moldtank.ports.contract.StorageFixtures.openBounty;
import static io.moldtank.ports.contract.StorageFixtures.payout;
import static org.assertj.core.api.Assertions.assertThat;

import io.moldtank.domain.agent.Agent;
import io.moldtank.domain.bounty.Bounty;
import io.moldtank.domain.bounty.BountyId;
import io.moldtank.domain.bounty.BountyStatus;
import io.moldtank.domain.payout.PayoutStatus;
import io.moldtank.domain.reconciliation.BookEntry;
import io.moldtank.domain.reconciliation.Difference;
import io.moldtank.ports.out.storage.DifferenceLog;
import io.moldtank.ports.out.storage.DifferenceLog.DifferenceRecord;
import io.moldtank.ports.out.storage.Leases;
import io.moldtank.ports.out.storage.ReconciliationBooks;
import io.moldtank.ports.service.Storage;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Reconciliation's storage ports, written once for the in-memory reference, H2 and PostgreSQL. Each call
 * of {@link #subject()} gives empty stores.
 */
public interface ReconciliationContract {

    record Subject(Storage storage, ReconciliationBooks books, DifferenceLog differences, Leases leases) {
    }

    Subject subject();

    private static Difference difference(Difference.Kind kind, BountyId bounty, String tx) {
        return new Difference(kind, bounty, tx, kind + " seen");
    }

    @Test
    default void the_books_of_a_bounty_name_its_posters_wallet_its_deposit_and_its_payout() {
        Subject s = subject();
        Agent poster = agent(1);
        s.storage().agents().saveAgent(poster);
        Bounty funded = openBounty(poster.id(), 12, T0, "money");
        s.storage().saveBounty().saveBounty(funded);
        var p = payout(funded.id(), agent(2).id());
        s.storage().payouts().addPayout(p);
        Bounty draft = Bounty.draft(new BountyId(UUID.randomUUID()), poster.id(), funded.terms(), T0);
        s.storage().saveBounty().saveBounty(draft);

        BookEntry book = s.books().books(List.of(funded.id(), draft.id(), new BountyId(UUID.randomUUID())))
                .get(funded.id());
        assertThat(book.status()).isEqualTo(BountyStatus.OPEN);
        assertThat(book.posterWallet()).isEqualTo(poster.wallet());
        assertThat(book.depositTx()).isEqualTo("0x" + "d".repeat(64));
        assertThat(book.payout()).hasValueSatisfying(pb -> {
            assertThat(pb.id()).isEqualTo(p.id());
            assertThat(pb.status()).isEqualTo(PayoutStatus.PENDING);
            assertThat(pb.amount()).isEqualTo(p.amount());
            assertThat(pb.viaEndpoint()).isFalse();
        });
        assertThat(s.books().books(List.of(draft.id())).get(draft.id()).payout()).isEmpty();
        assertThat(s.books().books(List.of(new BountyId(UUID.randomUUID())))).isEmpty();
        assertThat(s.books().booksClaimingChainMoney(null, 10)).extracting(BookEntry::bountyId)
                .as("only money the books claim is on chain: the draft claims none").containsExactly(funded.id());
    }

    @Test
    default void books_claiming_chain_money_page_in_id_order() {
        Subject s = subject();
        Agent poster = agent(1);
        s.storage().agents().saveAgent(poster);
        List<BountyId> all = new java.util.ArrayList<>();
        for (int i = 0; i < 5; i++) {
            Bounty b = openBounty(poster.id(), 1 + i, T0, "p");
            s.storage().saveBounty().saveBounty(b);
            all.add(b.id());
        }
        // the store's own id order (PostgreSQL compares a uuid's bytes unsigned, not as Java's UUID does):
        // pages after the last id seen cover every bounty once
        List<BookEntry> first = s.books().booksClaimingChainMoney(null, 3);
        List<BookEntry> rest = s.books().booksClaimingChainMoney(first.get(2).bountyId(), 3);
        assertThat(first).hasSize(3);
        assertThat(rest).hasSize(2);
        List<BountyId> paged = new java.util.ArrayList<>(first.stream().map(BookEntry::bountyId).toList());
        paged.addAll(rest.stream().map(BookEntry::bountyId).toList());
        assertThat(paged).containsExactlyInAnyOrderElementsOf(all);
    }

    @Test
    default void a_difference_stays_open_while_runs_find_it_and_is_cleared_by_the_first_that_does_not() {
        Subject s = subject();
        BountyId a = new BountyId(UUID.randomUUID());
        BountyId b = new BountyId(UUID.randomUUID());
        var unknown = difference(Difference.Kind.DEPOSIT_FOR_UNKNOWN_BOUNTY, a, "0x01");
        var missing = difference(Difference.Kind.DEPOSIT_NOT_ON_CHAIN, b, "");
        assertThat(s.differences().recordRun(List.of(unknown, missing), T0)).isEqualTo(2);
        assertThat(s.differences().recordRun(List.of(unknown), T0.plusSeconds(60))).isEqualTo(1);
        List<DifferenceRecord> open = s.differences().openDifferences(10);
        assertThat(open).singleElement().satisfies(r -> {
            assertThat(r.difference()).isEqualTo(unknown);
            assertThat(r.firstSeen()).isEqualTo(T0);
            assertThat(r.lastSeen()).isEqualTo(T0.plusSeconds(60));
            assertThat(r.clearedAt()).isNull();
        });
        assertThat(s.differences().recordRun(List.of(unknown, missing), T0.plusSeconds(120)))
                .as("a difference that comes back is open again").isEqualTo(2);
        assertThat(s.differences().recordRun(List.of(), T0.plusSeconds(180))).isZero();
    }

    @Test
    default void an_operator_acknowledges_a_difference_with_a_note_and_it_stays_open_until_cleared() {
        Subject s = subject();
        var d = difference(Difference.Kind.RELEASE_MISMATCH, new BountyId(UUID.randomUUID()), "0x02");
        s.differences().recordRun(List.of(d), T0);
        long id = s.differences().openDifferences(10).get(0).id();
        var acked = s.differences().acknowledge(id, "ops", "looked: a test release", T0.plusSeconds(5)).orElseThrow();
        assertThat(acked.acknowledgedBy()).isEqualTo("ops");
        assertThat(acked.note()).isEqualTo("looked: a test release");
        assertThat(acked.acknowledgedAt()).isEqualTo(T0.plusSeconds(5));
        assertThat(s.differences().openDifferences(10)).singleElement()
                .satisfies(r -> assertThat(r.note()).isEqualTo("looked: a test release"));
        assertThat(s.differences().acknowledge(id + 1000, "ops", "x", T0)).isEmpty();
    }

    @Test
    default void a_lease_is_one_holders_until_it_expires_or_is_released() {
        Subject s = subject();
        Leases leases = s.leases();
        var first = leases.tryHold("job", "node-a", Duration.ofSeconds(30), T0).orElseThrow();
        assertThat(first.lastDoneAt()).isNull();
        assertThat(leases.tryHold("job", "node-b", Duration.ofSeconds(30), T0.plusSeconds(10))).isEmpty();
        assertThat(leases.tryHold("other", "node-b", Duration.ofSeconds(30), T0)).as("leases are by name").isPresent();
        var renewed = leases.tryHold("job", "node-a", Duration.ofSeconds(30), T0.plusSeconds(10)).orElseThrow();
        assertThat(renewed.fence()).as("a holder renewing keeps its fence").isEqualTo(first.fence());
        var taken = leases.tryHold("job", "node-b", Duration.ofSeconds(30), T0.plusSeconds(41)).orElseThrow();
        assertThat(taken.fence()).as("a new holder after expiry gets a higher fence").isGreaterThan(first.fence());
        leases.release("job", "node-a", T0.plusSeconds(42));
        assertThat(leases.tryHold("job", "node-c", Duration.ofSeconds(30), T0.plusSeconds(43)))
                .as("a release by a former holder changes nothing").isEmpty();
        leases.release("job", "node-b", T0.plusSeconds(44));
        var next = leases.tryHold("job", "node-c", Duration.ofSeconds(30), T0.plusSeconds(45)).orElseThrow();
        assertThat(next.lastDoneAt()).isEqualTo(T0.plusSeconds(44));
        leases.release("job", "node-c", null);
        assertThat(leases.tryHold("job", "node-a", Duration.ofSeconds(30), T0.plusSeconds(46)).orElseThrow()
                .lastDoneAt()).as("a release without work done keeps the last time").isEqualTo(T0.plusSeconds(44));
    }
}
