package io.moldtank.ports.contract;

import static io.moldtank.domain.ledger.AccountKind.*;
import static io.moldtank.domain.ledger.LedgerRefusal.*;
import static io.moldtank.ports.contract.RegistryFixtures.*;
import static io.moldtank.ports.contract.StorageFixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.moldtank.domain.ledger.*;
import io.moldtank.domain.money.Usdc;
import io.moldtank.domain.shared.Reason;
import io.moldtank.domain.shared.Rejection;
import io.moldtank.ports.out.storage.Books;
import io.moldtank.ports.service.RegistryStorage;
import java.math.BigInteger;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/**
 * The ledger's rules as every {@link Books} must keep them: double entry, idempotent transfer ids,
 * all-or-nothing batches, holds resolved once, and no account but an external one below zero — also
 * under concurrent writers. Every refusal is a {@link Rejection} with a ledger reason and changes nothing.
 */
public interface BooksContract {

    /** An empty store. */
    RegistryStorage registry();

    /** Asserts the call is refused for {@code reason} and the given accounts and the totals are unchanged. */
    private static void refused(Books books, Reason reason, ThrowingCallable call, AccountId... watched) {
        LedgerTotals totals = books.totals();
        List<Optional<Account>> accounts = java.util.Arrays.stream(watched).map(books::account).toList();
        assertThatThrownBy(call).isInstanceOfSatisfying(Rejection.class,
                r -> assertThat(r.reason()).isEqualTo(reason));
        assertThat(books.totals()).isEqualTo(totals);
        assertThat(java.util.Arrays.stream(watched).map(books::account).toList()).isEqualTo(accounts);
    }

    @Test
    default void opening_an_account_again_with_its_kind_changes_nothing_and_with_another_kind_is_refused() {
        Books books = registry().books();
        AccountId chain = open(books, EXTERNAL);
        AccountId id = funded(books, chain, 70);
        assertThat(books.openAccount(id, AGENT_AVAILABLE, T0.plusSeconds(9)).creditsPosted()).isEqualTo(Usdc.ofUnits(70));
        refused(books, ACCOUNT_EXISTS_DIFFERENT, () -> books.openAccount(id, ESCROW, T0), id);
        assertThat(books.account(id).orElseThrow().kind()).isEqualTo(AGENT_AVAILABLE);
        assertThat(books.account(new AccountId(UUID.randomUUID()))).isEmpty();
    }

    @Test
    default void a_transfer_moves_money_once_and_its_id_cannot_be_reused_for_other_content() {
        Books books = registry().books();
        AccountId chain = open(books, EXTERNAL);
        AccountId a = funded(books, chain, 100);
        AccountId b = open(books, AGENT_AVAILABLE);
        TransferRequest pay = move(a, b, 30);
        assertThat(books.transferAll(List.of(pay), T0)).singleElement().isInstanceOf(TransferOutcome.Recorded.class);
        assertThat(books.transferAll(List.of(pay), T0.plusSeconds(1))).singleElement()
                .isInstanceOfSatisfying(TransferOutcome.AlreadyRecorded.class,
                        r -> assertThat(r.transfer().request()).isEqualTo(pay));
        assertThat(available(books, a)).isEqualTo(70);
        assertThat(available(books, b)).isEqualTo(30);
        refused(books, TRANSFER_EXISTS_DIFFERENT, () -> books.transferAll(List.of(new TransferRequest(pay.id(), a, b,
                Usdc.ofUnits(31), pay.code())), T0), a, b);
        refused(books, TRANSFER_EXISTS_DIFFERENT, () -> books.hold(pay, T0), a, b);
        assertThat(chainNet(books, chain)).isEqualTo(-100);
    }

    @Test
    default void a_batch_is_all_or_nothing() {
        Books books = registry().books();
        AccountId chain = open(books, EXTERNAL);
        AccountId a = funded(books, chain, 50);
        AccountId b = open(books, AGENT_AVAILABLE);
        TransferRequest fits = move(a, b, 40);
        refused(books, INSUFFICIENT_FUNDS, () -> books.transferAll(List.of(fits, move(a, b, 11)), T0), a, b, chain);
        assertThat(books.transferAll(List.of(fits), T0)).singleElement().isInstanceOf(TransferOutcome.Recorded.class);
        // a later transfer of a batch may spend what an earlier one brought in
        List<TransferOutcome> both = books.transferAll(List.of(move(b, a, 40), move(a, b, 50)), T0);
        assertThat(both).allMatch(o -> o instanceof TransferOutcome.Recorded);
        assertThat(available(books, a)).isZero();
        assertThat(available(books, b)).isEqualTo(50);
    }

    @Test
    default void malformed_and_uncovered_transfers_are_refused_with_their_reason() {
        Books books = registry().books();
        AccountId chain = open(books, EXTERNAL);
        AccountId a = funded(books, chain, 10);
        AccountId fees = open(books, PLATFORM_FEES);
        refused(books, ZERO_AMOUNT, () -> books.transferAll(List.of(move(a, fees, 0)), T0), a, fees);
        refused(books, SAME_ACCOUNT, () -> books.transferAll(List.of(move(a, a, 1)), T0), a);
        refused(books, UNKNOWN_ACCOUNT, () -> books.transferAll(List.of(move(a, new AccountId(UUID.randomUUID()), 1)),
                T0), a);
        refused(books, INSUFFICIENT_FUNDS, () -> books.transferAll(List.of(move(a, fees, 11)), T0), a, fees);
        refused(books, INSUFFICIENT_FUNDS, () -> books.transferAll(List.of(move(fees, a, 1)), T0), a, fees);
        refused(books, BALANCE_OVERFLOW, () -> books.transferAll(List.of(move(chain, a, Long.MAX_VALUE)), T0), a, chain);
        assertThat(books.transferAll(List.of(move(a, fees, 10)), T0)).hasSize(1);
        assertThat(available(books, fees)).isEqualTo(10);
    }

    @Test
    default void a_hold_reserves_then_posts_or_voids_exactly_once() {
        Books books = registry().books();
        AccountId chain = open(books, EXTERNAL);
        AccountId a = funded(books, chain, 100);
        TransferRequest out = new TransferRequest(new TransferId(UUID.randomUUID()), a, chain, Usdc.ofUnits(60),
                TransferCode.WITHDRAWAL);
        assertThat(books.hold(out, T0)).isInstanceOf(TransferOutcome.Recorded.class);
        assertThat(books.hold(out, T0)).isInstanceOf(TransferOutcome.AlreadyRecorded.class);
        assertThat(available(books, a)).isEqualTo(40);
        assertThat(books.account(a).orElseThrow().debitsPending()).isEqualTo(Usdc.ofUnits(60));
        refused(books, INSUFFICIENT_FUNDS, () -> books.hold(move(a, chain, 41), T0), a, chain);
        refused(books, TRANSFER_EXISTS_DIFFERENT, () -> books.transferAll(List.of(out), T0), a, chain);

        books.postHold(out.id(), T0);
        assertThat(books.account(a).orElseThrow()).satisfies(acc -> {
            assertThat(acc.debitsPending()).isEqualTo(Usdc.ZERO);
            assertThat(acc.debitsPosted()).isEqualTo(Usdc.ofUnits(60));
        });
        assertThat(chainNet(books, chain)).isEqualTo(-40);
        refused(books, HOLD_ALREADY_POSTED, () -> books.postHold(out.id(), T0), a, chain);
        refused(books, HOLD_ALREADY_POSTED, () -> books.voidHold(out.id(), T0), a, chain);

        TransferRequest second = move(a, chain, 40);
        books.hold(second, T0);
        assertThat(available(books, a)).isZero();
        books.voidHold(second.id(), T0);
        assertThat(available(books, a)).isEqualTo(40);
        refused(books, HOLD_ALREADY_VOIDED, () -> books.postHold(second.id(), T0), a, chain);
        refused(books, HOLD_NOT_FOUND, () -> books.voidHold(new TransferId(UUID.randomUUID()), T0), a, chain);
        TransferRequest simple = move(a, chain, 1);
        books.transferAll(List.of(simple), T0);
        refused(books, NOT_A_HOLD, () -> books.postHold(simple.id(), T0), a, chain);
        assertThat(books.totals().balanced()).isTrue();
    }

    @Test
    default void totals_sum_posted_and_pending_on_both_sides() {
        Books books = registry().books();
        assertThat(books.totals()).isEqualTo(LedgerTotals.ZERO);
        AccountId chain = open(books, EXTERNAL);
        AccountId a = funded(books, chain, 100);
        books.hold(move(a, chain, 25), T0);
        LedgerTotals totals = books.totals();
        assertThat(totals).isEqualTo(new LedgerTotals(BigInteger.valueOf(100), BigInteger.valueOf(100),
                BigInteger.valueOf(25), BigInteger.valueOf(25)));
        assertThat(totals.balanced()).isTrue();
    }

    @Test
    default void a_refused_transfer_inside_a_transaction_leaves_the_transactions_other_writes_intact() {
        RegistryStorage s = registry();
        Books books = s.books();
        AccountId chain = open(books, EXTERNAL);
        AccountId a = funded(books, chain, 10);
        AccountId b = open(books, AGENT_AVAILABLE);
        TransferRequest kept = move(a, b, 4);
        s.tx().inTransaction(() -> {
            books.transferAll(List.of(kept), T0);
            assertThatThrownBy(() -> books.transferAll(List.of(move(a, b, 7)), T0)).isInstanceOf(Rejection.class);
            return null;
        });
        assertThat(available(books, a)).isEqualTo(6);
        assertThat(available(books, b)).isEqualTo(4);
        assertThat(books.transferAll(List.of(kept), T0)).singleElement().isInstanceOf(TransferOutcome.AlreadyRecorded.class);
        assertThat(books.totals().balanced()).isTrue();
    }

    private static long chainNet(Books books, AccountId chain) {
        return books.account(chain).orElseThrow().net();
    }
}
