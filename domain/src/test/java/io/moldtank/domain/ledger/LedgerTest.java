package io.moldtank.domain.ledger;

import static io.moldtank.domain.ledger.LedgerFixture.ALICE;
import static io.moldtank.domain.ledger.LedgerFixture.BOB;
import static io.moldtank.domain.ledger.LedgerFixture.CHAIN;
import static io.moldtank.domain.ledger.LedgerFixture.ESCROW;
import static io.moldtank.domain.ledger.LedgerFixture.FEES;
import static io.moldtank.domain.ledger.LedgerFixture.T0;
import static io.moldtank.domain.ledger.LedgerFixture.available;
import static io.moldtank.domain.ledger.LedgerFixture.deposit;
import static io.moldtank.domain.ledger.LedgerFixture.move;
import static io.moldtank.domain.ledger.TransferCode.ESCROW_FUNDING;
import static io.moldtank.domain.ledger.TransferCode.PLATFORM_CUT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.moldtank.domain.money.Usdc;
import io.moldtank.domain.shared.Rejection;
import java.util.List;
import org.junit.jupiter.api.Test;

class LedgerTest {
    private final Ledger ledger = LedgerFixture.ledger();

    @Test
    void a_deposit_comes_from_the_chain_account_which_may_go_negative() {
        ledger.transfer(deposit("d1", ALICE, 500), T0);
        assertThat(available(ledger, ALICE)).isEqualTo(Usdc.ofUnits(500));
        assertThat(ledger.account(CHAIN).orElseThrow().net()).isEqualTo(-500);
        assertThat(ledger.totals().balanced()).isTrue();
    }

    @Test
    void an_agent_cannot_spend_more_than_it_holds() {
        ledger.transfer(deposit("d1", ALICE, 100), T0);
        assertRefused(() -> ledger.transfer(move("t1", ALICE, BOB, 101, ESCROW_FUNDING), T0),
            LedgerRefusal.INSUFFICIENT_FUNDS);
        assertThat(available(ledger, ALICE)).isEqualTo(Usdc.ofUnits(100));
    }

    @Test
    void sending_the_same_transfer_twice_moves_money_once() {
        TransferOutcome first = ledger.transfer(deposit("d1", ALICE, 100), T0);
        TransferOutcome again = ledger.transfer(deposit("d1", ALICE, 100), T0.plusSeconds(5));
        assertThat(first).isInstanceOf(TransferOutcome.Recorded.class);
        assertThat(again).isInstanceOf(TransferOutcome.AlreadyRecorded.class);
        assertThat(again.transfer()).isEqualTo(first.transfer());
        assertThat(available(ledger, ALICE)).isEqualTo(Usdc.ofUnits(100));
    }

    @Test
    void reusing_a_transfer_id_for_different_content_is_its_own_refusal() {
        ledger.transfer(deposit("d1", ALICE, 100), T0);
        assertRefused(() -> ledger.transfer(deposit("d1", ALICE, 101), T0), LedgerRefusal.TRANSFER_EXISTS_DIFFERENT);
        assertRefused(() -> ledger.hold(deposit("d1", ALICE, 100), T0), LedgerRefusal.TRANSFER_EXISTS_DIFFERENT);
    }

    @Test
    void zero_amounts_self_transfers_and_unknown_accounts_are_refused() {
        assertRefused(() -> ledger.transfer(deposit("z", ALICE, 0), T0), LedgerRefusal.ZERO_AMOUNT);
        assertRefused(() -> ledger.transfer(move("s", ALICE, ALICE, 1, ESCROW_FUNDING), T0), LedgerRefusal.SAME_ACCOUNT);
        AccountId stranger = AccountId.named("nobody");
        assertRefused(() -> ledger.transfer(deposit("u", stranger, 1), T0), LedgerRefusal.UNKNOWN_ACCOUNT);
    }

    @Test
    void a_batch_is_all_or_nothing() {
        ledger.transfer(deposit("d1", ALICE, 100), T0);
        List<TransferRequest> batch = List.of(
            move("b1", ALICE, ESCROW, 60, ESCROW_FUNDING),
            move("b2", ALICE, FEES, 60, PLATFORM_CUT));
        assertRefused(() -> ledger.transferAll(batch, T0), LedgerRefusal.INSUFFICIENT_FUNDS);
        assertThat(available(ledger, ALICE)).isEqualTo(Usdc.ofUnits(100));
        assertThat(ledger.transfer(TransferId.named("b1"))).isEmpty();
    }

    @Test
    void reopening_an_account_with_the_same_kind_is_harmless_and_with_another_kind_refused() {
        assertThat(ledger.open(ALICE, AccountKind.AGENT_AVAILABLE, T0).id()).isEqualTo(ALICE);
        assertRefused(() -> ledger.open(ALICE, AccountKind.EXTERNAL, T0), LedgerRefusal.ACCOUNT_EXISTS_DIFFERENT);
    }

    @Test
    void an_amount_that_would_overflow_a_balance_is_refused_not_wrapped() {
        ledger.transfer(deposit("d1", ALICE, Long.MAX_VALUE), T0);
        assertRefused(() -> ledger.transfer(deposit("d2", ALICE, 1), T0), LedgerRefusal.BALANCE_OVERFLOW);
    }

    @Test
    void every_recorded_transfer_and_opened_account_is_an_event() {
        Ledger fresh = new Ledger();
        fresh.open(CHAIN, AccountKind.EXTERNAL, T0);
        fresh.open(ALICE, AccountKind.AGENT_AVAILABLE, T0);
        fresh.transfer(deposit("d1", ALICE, 5), T0);
        fresh.transfer(deposit("d1", ALICE, 5), T0);
        assertThat(fresh.events().drain()).hasSize(3).last().isInstanceOf(TransferRecorded.class);
    }

    static void assertRefused(Runnable action, LedgerRefusal reason) {
        assertThatThrownBy(action::run).isInstanceOfSatisfying(Rejection.class,
            r -> assertThat(r.reason()).isEqualTo(reason));
    }
}
