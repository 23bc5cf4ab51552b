package io.moldtank.domain.reconciliation;

import static org.assertj.core.api.Assertions.assertThat;

import io.moldtank.domain.agent.WalletAddress;
import io.moldtank.domain.bounty.BountyId;
import io.moldtank.domain.bounty.BountyStatus;
import io.moldtank.domain.money.Usdc;
import io.moldtank.domain.payout.PayoutId;
import io.moldtank.domain.payout.PayoutStatus;
import io.moldtank.domain.reconciliation.BookEntry.PayoutBook;
import io.moldtank.domain.reconciliation.Difference.Kind;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The rules of the comparison, one situation each; EscrowReconciliationProperties covers the space. */
class EscrowReconciliationTest {
    static final BountyId BOUNTY = new BountyId(UUID.randomUUID());
    static final WalletAddress POSTER = new WalletAddress("0x" + "11".repeat(20));
    static final WalletAddress WINNER = new WalletAddress("0x" + "22".repeat(20));
    static final Usdc REWARD = Usdc.parse("25");
    static final PayoutId PAYOUT = new PayoutId(UUID.randomUUID());

    static EscrowEntry deposit(String tx) {
        return new EscrowEntry(EscrowEntry.Kind.DEPOSIT, BOUNTY, tx, POSTER, REWARD);
    }

    static EscrowEntry release(String tx, WalletAddress to) {
        return new EscrowEntry(EscrowEntry.Kind.RELEASE, BOUNTY, tx, to, REWARD);
    }

    static BookEntry book(BountyStatus status, String depositTx, PayoutBook payout) {
        return new BookEntry(BOUNTY, status, REWARD, POSTER, depositTx, Optional.ofNullable(payout));
    }

    static PayoutBook payout(PayoutStatus status, String tx, boolean viaEndpoint) {
        return new PayoutBook(PAYOUT, status, WINNER, REWARD, tx, viaEndpoint);
    }

    @Test
    void books_that_say_what_the_chain_did_agree() {
        var outcome = EscrowReconciliation.compare(BOUNTY, Optional.of(book(BountyStatus.PAID, "0xd1",
                payout(PayoutStatus.CONFIRMED, "0xr1", false))), List.of(deposit("0xD1"), release("0xr1", WINNER)));
        assertThat(outcome.agrees()).isTrue();
    }

    @Test
    void a_deposit_the_books_lost_opens_the_bounty_from_awaiting_deposit_or_draft() {
        for (BountyStatus lost : List.of(BountyStatus.AWAITING_DEPOSIT, BountyStatus.DRAFT)) {
            var outcome = EscrowReconciliation.compare(BOUNTY, Optional.of(book(lost, null, null)),
                    List.of(deposit("0xd1")));
            assertThat(outcome.repairs()).containsExactly(new Repair.OpenBounty(BOUNTY, "0xd1", REWARD));
            assertThat(outcome.differences()).isEmpty();
        }
    }

    @Test
    void a_stranger_paying_a_drafts_id_does_not_open_it() {
        var stranger = new EscrowEntry(EscrowEntry.Kind.DEPOSIT, BOUNTY, "0xd1", WINNER, REWARD);
        var outcome = EscrowReconciliation.compare(BOUNTY, Optional.of(book(BountyStatus.DRAFT, null, null)),
                List.of(stranger));
        assertThat(outcome.repairs()).isEmpty();
        assertThat(outcome.differences()).extracting(Difference::kind).containsExactly(Kind.DEPOSIT_MISMATCH);
    }

    @Test
    void a_deposit_of_another_amount_is_shown_not_repaired() {
        var short_ = new EscrowEntry(EscrowEntry.Kind.DEPOSIT, BOUNTY, "0xd1", POSTER, Usdc.parse("24.999999"));
        var outcome = EscrowReconciliation.compare(BOUNTY, Optional.of(book(BountyStatus.AWAITING_DEPOSIT, null, null)),
                List.of(short_));
        assertThat(outcome.repairs()).isEmpty();
        assertThat(outcome.differences()).extracting(Difference::kind).containsExactly(Kind.DEPOSIT_MISMATCH);
    }

    @Test
    void money_for_a_bounty_the_books_do_not_have_goes_to_an_operator() {
        var outcome = EscrowReconciliation.compare(BOUNTY, Optional.empty(), List.of(deposit("0xd1")));
        assertThat(outcome.repairs()).isEmpty();
        assertThat(outcome.differences()).singleElement().satisfies(d -> {
            assertThat(d.kind()).isEqualTo(Kind.DEPOSIT_FOR_UNKNOWN_BOUNTY);
            assertThat(d.txHash()).isEqualTo("0xd1");
        });
    }

    @Test
    void a_release_on_chain_marks_a_direct_payout_paid_whatever_state_the_books_left_it_in() {
        for (PayoutStatus left : List.of(PayoutStatus.PENDING, PayoutStatus.SENT, PayoutStatus.PARKED)) {
            var outcome = EscrowReconciliation.compare(BOUNTY, Optional.of(book(BountyStatus.AWARDED, "0xd1",
                    payout(left, null, false))), List.of(deposit("0xd1"), release("0xr1", WINNER)));
            assertThat(outcome.repairs()).containsExactly(new Repair.MarkPaid(BOUNTY, PAYOUT, "0xr1"));
        }
    }

    @Test
    void an_x402_payout_is_never_marked_paid_by_reconciliation_because_the_endpoint_is_still_owed() {
        var pending = EscrowReconciliation.compare(BOUNTY, Optional.of(book(BountyStatus.AWARDED, "0xd1",
                payout(PayoutStatus.SENT, "0xr1", true))), List.of(deposit("0xd1"), release("0xr1", WINNER)));
        assertThat(pending.agrees()).as("the payout worker finishes it").isTrue();
        var parked = EscrowReconciliation.compare(BOUNTY, Optional.of(book(BountyStatus.AWARDED, "0xd1",
                payout(PayoutStatus.PARKED, "0xr1", true))), List.of(deposit("0xd1"), release("0xr1", WINNER)));
        assertThat(parked.repairs()).isEmpty();
        assertThat(parked.differences()).extracting(Difference::kind).containsExactly(Kind.RELEASE_AWAITS_X402);
    }

    @Test
    void a_release_to_another_wallet_than_the_payout_names_is_a_difference() {
        var outcome = EscrowReconciliation.compare(BOUNTY, Optional.of(book(BountyStatus.AWARDED, "0xd1",
                payout(PayoutStatus.PENDING, null, false))), List.of(deposit("0xd1"), release("0xr1", POSTER)));
        assertThat(outcome.repairs()).isEmpty();
        assertThat(outcome.differences()).extracting(Difference::kind).containsExactly(Kind.RELEASE_MISMATCH);
    }

    @Test
    void books_that_count_money_the_chain_lacks_are_differences() {
        var outcome = EscrowReconciliation.compare(BOUNTY, Optional.of(book(BountyStatus.PAID, "0xd1",
                payout(PayoutStatus.CONFIRMED, "0xr1", false))), List.of());
        assertThat(outcome.differences()).extracting(Difference::kind)
                .containsExactlyInAnyOrder(Kind.DEPOSIT_NOT_ON_CHAIN, Kind.PAID_NOT_ON_CHAIN);
        assertThat(outcome.repairs()).isEmpty();
    }

    @Test
    void a_refund_on_chain_marks_an_unawarded_bounty_refunded_and_is_a_difference_for_an_awarded_one() {
        var refund = new EscrowEntry(EscrowEntry.Kind.REFUND, BOUNTY, "0xf1", POSTER, REWARD);
        assertThat(EscrowReconciliation.compare(BOUNTY, Optional.of(book(BountyStatus.EXPIRED, "0xd1", null)),
                List.of(deposit("0xd1"), refund)).repairs()).containsExactly(new Repair.MarkRefunded(BOUNTY, "0xf1"));
        assertThat(EscrowReconciliation.compare(BOUNTY, Optional.of(book(BountyStatus.AWARDED, "0xd1",
                payout(PayoutStatus.PENDING, null, false))), List.of(deposit("0xd1"), refund)).differences())
                .extracting(Difference::kind).containsExactly(Kind.REFUND_MISMATCH);
    }

    @Test
    void an_emergency_withdrawal_is_always_shown() {
        var out = new EscrowEntry(EscrowEntry.Kind.EMERGENCY_WITHDRAWAL, BOUNTY, "0xe1", POSTER, REWARD);
        assertThat(EscrowReconciliation.compare(BOUNTY, Optional.of(book(BountyStatus.OPEN, "0xd1", null)),
                List.of(deposit("0xd1"), out)).differences()).extracting(Difference::kind)
                .containsExactly(Kind.EMERGENCY_WITHDRAWAL);
    }
}
