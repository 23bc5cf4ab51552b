package io.moldtank.ports.contract;

import static io.moldtank.domain.ledger.AccountKind.*;
import static io.moldtank.domain.ledger.LedgerRefusal.*;
import static io.moldtank.ports.contract.RegistryFixtures.*;
import static io.moldtank.ports.contract.StorageFixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

import io.moldtank.domain.ledger.*;
import io.moldtank.domain.shared.Rejection;
import io.moldtank.ports.out.storage.Books;
import io.moldtank.ports.service.RegistryStorage;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.*;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The ledger under concurrent writers: balances are checked and changed under the accounts' locks, so no
 * constrained account goes below zero, opposite transfers do not deadlock, a transfer id moves money once
 * and a hold resolves once — whoever wins the race. Only ledger refusals are expected; anything else
 * (a lost update, a deadlock surfacing as a stale write) fails the test.
 */
public interface BooksConcurrencyContract {

    RegistryStorage registry();

    /** Runs {@code work(thread)} on {@code threads} threads released together; rethrows the first failure. */
    private static void race(int threads, IntWork work) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                running.add(pool.submit(() -> {
                    start.await();
                    work.run(thread);
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : running) {
                f.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @FunctionalInterface
    interface IntWork {
        void run(int thread) throws Exception;
    }

    @Test
    default void concurrent_debits_of_one_account_never_take_it_below_zero() throws Exception {
        Books books = registry().books();
        AccountId chain = open(books, EXTERNAL);
        AccountId a = funded(books, chain, 100);
        AccountId b = open(books, AGENT_AVAILABLE);
        AtomicInteger moved = new AtomicInteger(), refused = new AtomicInteger();
        race(6, t -> {
            for (int i = 0; i < 10; i++) {
                try {
                    books.transferAll(List.of(move(a, b, 3)), T0);
                    moved.incrementAndGet();
                } catch (Rejection r) {
                    assertThat(r.reason()).isEqualTo(INSUFFICIENT_FUNDS);
                    refused.incrementAndGet();
                }
            }
        });
        assertThat(moved.get()).isEqualTo(33);
        assertThat(refused.get()).isEqualTo(60 - 33);
        assertThat(available(books, a)).isEqualTo(1);
        assertThat(available(books, b)).isEqualTo(99);
        assertThat(books.totals().balanced()).isTrue();
    }

    @Test
    default void opposite_concurrent_transfers_between_two_accounts_neither_deadlock_nor_lose_money() throws Exception {
        Books books = registry().books();
        AccountId chain = open(books, EXTERNAL);
        AccountId a = funded(books, chain, 50);
        AccountId b = funded(books, chain, 50);
        AtomicInteger moved = new AtomicInteger();
        race(6, t -> {
            for (int i = 0; i < 10; i++) {
                // half the threads lock a then b, half b then a, unless the store orders its locks
                List<TransferRequest> batch = t % 2 == 0 ? List.of(move(a, b, 7), move(b, a, 2))
                        : List.of(move(b, a, 7), move(a, b, 2));
                try {
                    books.transferAll(batch, T0);
                    moved.incrementAndGet();
                } catch (Rejection r) {
                    assertThat(r.reason()).isEqualTo(INSUFFICIENT_FUNDS);
                }
            }
        });
        assertThat(moved.get()).isPositive();
        assertThat(available(books, a) + available(books, b)).isEqualTo(100);
        assertThat(books.totals().balanced()).isTrue();
    }

    @Test
    default void a_transfer_sent_by_many_threads_at_once_moves_money_once() throws Exception {
        Books books = registry().books();
        AccountId chain = open(books, EXTERNAL);
        AccountId a = funded(books, chain, 100);
        AccountId b = open(books, AGENT_AVAILABLE);
        TransferRequest pay = move(a, b, 60);
        AtomicInteger recorded = new AtomicInteger(), replayed = new AtomicInteger();
        race(5, t -> {
            TransferOutcome outcome = books.transferAll(List.of(pay), T0).getFirst();
            (outcome instanceof TransferOutcome.Recorded ? recorded : replayed).incrementAndGet();
        });
        assertThat(recorded.get()).isEqualTo(1);
        assertThat(replayed.get()).isEqualTo(4);
        assertThat(available(books, a)).isEqualTo(40);
        assertThat(available(books, b)).isEqualTo(60);
    }

    @Test
    default void a_hold_posted_and_voided_by_racing_threads_is_resolved_exactly_once() throws Exception {
        Books books = registry().books();
        AccountId chain = open(books, EXTERNAL);
        AccountId a = funded(books, chain, 100);
        TransferRequest out = move(a, chain, 30);
        books.hold(out, T0);
        AtomicInteger resolved = new AtomicInteger(), late = new AtomicInteger();
        race(6, t -> {
            try {
                if (t % 2 == 0) {
                    books.postHold(out.id(), T0);
                } else {
                    books.voidHold(out.id(), T0);
                }
                resolved.incrementAndGet();
            } catch (Rejection r) {
                assertThat(r.reason()).isIn(HOLD_ALREADY_POSTED, HOLD_ALREADY_VOIDED);
                late.incrementAndGet();
            }
        });
        assertThat(resolved.get()).isEqualTo(1);
        assertThat(late.get()).isEqualTo(5);
        Account after = books.account(a).orElseThrow();
        assertThat(after.debitsPending().units()).isZero();
        assertThat(after.available().units()).isIn(70L, 100L);
        assertThat(books.totals().balanced()).isTrue();
    }
}
