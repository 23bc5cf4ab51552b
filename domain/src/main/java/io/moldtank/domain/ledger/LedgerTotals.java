package io.moldtank.domain.ledger;

import java.math.BigInteger;

/**
 * Sums over every account. Double entry means each side's debits equal its credits, posted and
 * pending alike. BigInteger because the sum of many long balances may exceed a long.
 */
public record LedgerTotals(BigInteger debitsPosted, BigInteger creditsPosted,
                           BigInteger debitsPending, BigInteger creditsPending) {
    public static final LedgerTotals ZERO =
        new LedgerTotals(BigInteger.ZERO, BigInteger.ZERO, BigInteger.ZERO, BigInteger.ZERO);

    public boolean balanced() {
        return debitsPosted.equals(creditsPosted) && debitsPending.equals(creditsPending);
    }

    LedgerTotals plus(Account a) {
        return new LedgerTotals(
            debitsPosted.add(a.debitsPosted().toOnChain()), creditsPosted.add(a.creditsPosted().toOnChain()),
            debitsPending.add(a.debitsPending().toOnChain()), creditsPending.add(a.creditsPending().toOnChain()));
    }
}
