package io.moldtank.domain.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import io.moldtank.domain.money.Usdc;
import io.moldtank.domain.shared.Rejection;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.state.Action;
import net.jqwik.api.state.ActionChain;
import net.jqwik.api.state.Transformer;

/**
 * Random sequences of transfers, batches, holds, posts and voids against one ledger. Ids come
 * from a small pool so retries, id reuse and double resolution happen often.
 */
class LedgerProperties {

    @Property(tries = 200)
    void no_sequence_of_operations_breaks_double_entry_or_overdraws_an_account(@ForAll("chains") ActionChain<Ledger> chain) {
        chain.withInvariant("debits equal credits", l -> assertThat(l.totals().balanced()).isTrue())
            .withInvariant("no constrained account below zero", LedgerProperties::noOverdraft)
            .withInvariant("balances sum to zero", l -> assertThat(l.accounts().stream()
                .map(a -> BigInteger.valueOf(a.net())).reduce(BigInteger.ZERO, BigInteger::add)).isZero())
            .run();
    }

    @Provide
    Arbitrary<ActionChain<Ledger>> chains() {
        return ActionChain.<Ledger>startWith(LedgerFixture::ledger)
            .withAction(3, action(requests().map(r -> attempt("transfer " + r, l -> l.transfer(r, LedgerFixture.T0)))))
            .withAction(1, action(requests().list().ofMaxSize(3)
                .map(rs -> attempt("batch " + rs, l -> l.transferAll(rs, LedgerFixture.T0)))))
            .withAction(2, action(requests().map(r -> attempt("hold " + r, l -> l.hold(r, LedgerFixture.T0)))))
            .withAction(1, action(ids().map(id -> attempt("post " + id, l -> l.post(id, LedgerFixture.T0)))))
            .withAction(1, action(ids().map(id -> attempt("void " + id, l -> l.voidHold(id, LedgerFixture.T0)))))
            .withMaxTransformations(40);
    }

    private static Action.Independent<Ledger> action(Arbitrary<Transformer<Ledger>> transformers) {
        return () -> transformers;
    }

    /** Runs one operation; when it is refused, nothing observable may have changed. */
    private static Transformer<Ledger> attempt(String description, Consumer<Ledger> operation) {
        return Transformer.mutate(description, ledger -> {
            List<Account> accountsBefore = ledger.accounts();
            List<java.util.Optional<Transfer>> transfersBefore = pool().stream().map(ledger::transfer).toList();
            int eventsBefore = ledger.events().peek().size();
            try {
                operation.accept(ledger);
            } catch (Rejection refused) {
                assertThat(ledger.accounts()).containsExactlyInAnyOrderElementsOf(accountsBefore);
                assertThat(pool().stream().map(ledger::transfer).toList()).isEqualTo(transfersBefore);
                assertThat(ledger.events().peek()).hasSize(eventsBefore);
            }
        });
    }

    private static void noOverdraft(Ledger ledger) {
        for (Account account : ledger.accounts()) {
            if (!account.kind().mayGoNegative()) {
                assertThat(account.available().units()).isNotNegative();
            }
        }
    }

    private static Arbitrary<TransferRequest> requests() {
        Arbitrary<AccountId> accounts = Arbitraries.of(LedgerFixture.ALL);
        return Combinators.combine(ids(), accounts, accounts,
                Arbitraries.longs().between(0, 1_000).edgeCases(e -> e.add(Long.MAX_VALUE)),
                Arbitraries.of(TransferCode.class))
            .as((id, from, to, units, code) -> new TransferRequest(id, from, to, Usdc.ofUnits(units), code));
    }

    private static Arbitrary<TransferId> ids() {
        return Arbitraries.of(pool());
    }

    private static List<TransferId> pool() {
        return Arrays.stream(new String[] {"a", "b", "c", "d", "e", "f", "g", "h"}).map(TransferId::named).toList();
    }
}
