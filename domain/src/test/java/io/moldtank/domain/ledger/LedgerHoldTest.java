package io.moldtank.domain.ledger;

import static io.moldtank.domain.ledger.LedgerFixture.ALICE;
import static io.moldtank.domain.ledger.LedgerFixture.CHAIN;
import static io.moldtank.domain.ledger.LedgerFixture.ESCROW;
import static io.moldtank.domain.ledger.LedgerFixture.T0;
import static io.moldtank.domain.ledger.LedgerFixture.available;
import static io.moldtank.domain.ledger.LedgerFixture.deposit;
import static io.moldtank.domain.ledger.LedgerFixture.move;
import static io.moldtank.domain.ledger.LedgerTest.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

import io.moldtank.domain.money.Usdc;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LedgerHoldTest {
    private final Ledger ledger = LedgerFixture.ledger();
    private final TransferId withdrawal = TransferId.named("w1");

    @BeforeEach
    void aliceHasMoneyOnHoldForAWithdrawal() {
        ledger.transfer(deposit("d1", ALICE, 100), T0);
        ledger.hold(move("w1", ALICE, CHAIN, 70, TransferCode.WITHDRAWAL), T0);
    }

    @Test
    void held_money_is_no_longer_available_but_has_not_moved() {
        assertThat(available(ledger, ALICE)).isEqualTo(Usdc.ofUnits(30));
        assertThat(ledger.account(ALICE).orElseThrow().net()).isEqualTo(100);
        assertRefused(() -> ledger.transfer(move("t", ALICE, ESCROW, 31, TransferCode.ESCROW_FUNDING), T0),
            LedgerRefusal.INSUFFICIENT_FUNDS);
    }

    @Test
    void posting_a_hold_moves_the_money() {
        Transfer posted = ledger.post(withdrawal, T0);
        assertThat(posted.state()).isEqualTo(TransferState.POSTED);
        assertThat(available(ledger, ALICE)).isEqualTo(Usdc.ofUnits(30));
        assertThat(ledger.account(ALICE).orElseThrow().net()).isEqualTo(30);
        assertThat(ledger.totals().balanced()).isTrue();
    }

    @Test
    void voiding_a_hold_gives_the_money_back() {
        ledger.voidHold(withdrawal, T0);
        assertThat(available(ledger, ALICE)).isEqualTo(Usdc.ofUnits(100));
        assertThat(ledger.account(CHAIN).orElseThrow().creditsPending()).isEqualTo(Usdc.ZERO);
    }

    @Test
    void a_hold_is_resolved_only_once() {
        ledger.post(withdrawal, T0);
        assertRefused(() -> ledger.post(withdrawal, T0), LedgerRefusal.HOLD_ALREADY_POSTED);
        assertRefused(() -> ledger.voidHold(withdrawal, T0), LedgerRefusal.HOLD_ALREADY_POSTED);
    }

    @Test
    void a_voided_hold_cannot_be_posted_afterwards() {
        ledger.voidHold(withdrawal, T0);
        assertRefused(() -> ledger.post(withdrawal, T0), LedgerRefusal.HOLD_ALREADY_VOIDED);
    }

    @Test
    void only_a_known_hold_can_be_resolved() {
        assertRefused(() -> ledger.post(TransferId.named("nope"), T0), LedgerRefusal.HOLD_NOT_FOUND);
        assertRefused(() -> ledger.voidHold(TransferId.named("d1"), T0), LedgerRefusal.NOT_A_HOLD);
    }

    @Test
    void placing_the_same_hold_again_is_an_identical_retry() {
        TransferOutcome again = ledger.hold(move("w1", ALICE, CHAIN, 70, TransferCode.WITHDRAWAL), T0);
        assertThat(again).isInstanceOf(TransferOutcome.AlreadyRecorded.class);
        assertThat(available(ledger, ALICE)).isEqualTo(Usdc.ofUnits(30));
    }
}
