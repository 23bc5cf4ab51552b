package io.moldtank.domain.reconciliation;

import static io.moldtank.domain.reconciliation.EscrowReconciliationTest.BOUNTY;
import static io.moldtank.domain.reconciliation.EscrowReconciliationTest.POSTER;
import static io.moldtank.domain.reconciliation.EscrowReconciliationTest.REWARD;
import static io.moldtank.domain.reconciliation.EscrowReconciliationTest.WINNER;
import static io.moldtank.domain.reconciliation.EscrowReconciliationTest.book;
import static io.moldtank.domain.reconciliation.EscrowReconciliationTest.payout;
import static org.assertj.core.api.Assertions.assertThat;

import io.moldtank.domain.bounty.BountyStatus;
import io.moldtank.domain.payout.PayoutStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * A bounty's true history up to some step, on chain; books that kept it all, or lost the writes after
 * some earlier step (as a crash before H2 reached the disk did). Whatever was lost, reconciliation
 * (1) agrees with complete books, (2) never repairs with a transaction the chain does not have,
 * (3) and after its repairs the books are the true ones: applying them and comparing again agrees.
 */
class EscrowReconciliationProperties {

    /** Steps: 0 drafted, 1 awaiting deposit, 2 deposited (open), 3 awarded (payout pending), 4 paid. */
    private static List<EscrowEntry> chainAt(int step) {
        var chain = new ArrayList<EscrowEntry>();
        if (step >= 2) {
            chain.add(new EscrowEntry(EscrowEntry.Kind.DEPOSIT, BOUNTY, "0xd1", POSTER, REWARD));
        }
        if (step >= 4) {
            chain.add(new EscrowEntry(EscrowEntry.Kind.RELEASE, BOUNTY, "0xr1", WINNER, REWARD));
        }
        return chain;
    }

    private static BookEntry booksAt(int step, PayoutStatus leftIn) {
        return switch (step) {
            case 0 -> book(BountyStatus.DRAFT, null, null);
            case 1 -> book(BountyStatus.AWAITING_DEPOSIT, null, null);
            case 2 -> book(BountyStatus.OPEN, "0xd1", null);
            case 3 -> book(BountyStatus.AWARDED, "0xd1", payout(leftIn, null, false));
            default -> book(BountyStatus.PAID, "0xd1", payout(PayoutStatus.CONFIRMED, "0xr1", false));
        };
    }

    /** What the repair does to the books, as ReconciliationRepairs does it through the domain. */
    private static BookEntry apply(BookEntry b, Repair r) {
        return switch (r) {
            case Repair.OpenBounty o -> new BookEntry(b.bountyId(), BountyStatus.OPEN, b.reward(), b.posterWallet(),
                    o.txHash(), b.payout());
            case Repair.MarkPaid m -> new BookEntry(b.bountyId(), BountyStatus.PAID, b.reward(), b.posterWallet(),
                    b.depositTx(), b.payout().map(p -> payout(PayoutStatus.CONFIRMED, m.txHash(), false)));
            case Repair.MarkRefunded f -> new BookEntry(b.bountyId(), BountyStatus.REFUNDED, b.reward(),
                    b.posterWallet(), b.depositTx(), b.payout());
        };
    }

    @Property
    void complete_books_agree_with_the_chain(@ForAll @IntRange(min = 0, max = 4) int step) {
        assertThat(EscrowReconciliation.compare(BOUNTY, Optional.of(booksAt(step, PayoutStatus.PENDING)),
                chainAt(step)).agrees()).isTrue();
    }

    @Property
    void books_that_lost_writes_are_repaired_only_from_the_chains_transactions_and_then_agree(
            @ForAll @IntRange(min = 0, max = 4) int truth, @ForAll @IntRange(min = 0, max = 4) int kept,
            @ForAll PayoutStatus leftIn) {
        int booksStep = Math.min(truth, kept);
        if (booksStep == 3 && leftIn == PayoutStatus.CONFIRMED) {
            return; // a confirmed payout with an awarded bounty is not a state the books can be in
        }
        List<EscrowEntry> chain = chainAt(truth);
        BookEntry books = booksAt(booksStep, leftIn);
        var outcome = EscrowReconciliation.compare(BOUNTY, Optional.of(books), chain);
        Set<String> chainTxs = chain.stream().map(EscrowEntry::txHash).collect(Collectors.toSet());
        assertThat(outcome.repairs()).allSatisfy(r -> assertThat(chainTxs).contains(r.txHash()));
        if (truth == 4 && booksStep <= 2) {
            // the award itself was lost: the chain paid a payout the books never scheduled
            assertThat(outcome.differences()).extracting(Difference::kind).contains(Difference.Kind.RELEASE_MISMATCH);
            return;
        }
        assertThat(outcome.differences()).isEmpty();
        BookEntry repaired = books;
        for (Repair r : outcome.repairs()) {
            repaired = apply(repaired, r);
        }
        assertThat(EscrowReconciliation.compare(BOUNTY, Optional.of(repaired), chain).agrees()).isTrue();
    }

    @Property
    void a_bounty_lost_from_the_books_shows_every_chain_movement_and_repairs_nothing(
            @ForAll @IntRange(min = 0, max = 4) int truth) {
        var outcome = EscrowReconciliation.compare(BOUNTY, Optional.empty(), chainAt(truth));
        assertThat(outcome.repairs()).isEmpty();
        assertThat(outcome.differences()).hasSize(chainAt(truth).size());
    }
}
