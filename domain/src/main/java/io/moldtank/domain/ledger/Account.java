package io.moldtank.domain.ledger;

import io.moldtank.domain.money.Usdc;
import java.util.Objects;

/**
 * One account's totals, TigerBeetle-style: posted and pending amounts on each side are kept
 * apart, and only grow or move, so the history explains every balance. Immutable; the ledger
 * replaces it on every change.
 */
public record Account(AccountId id, AccountKind kind,
                      Usdc debitsPosted, Usdc creditsPosted, Usdc debitsPending, Usdc creditsPending) {
    public Account {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(debitsPosted, "debitsPosted");
        Objects.requireNonNull(creditsPosted, "creditsPosted");
        Objects.requireNonNull(debitsPending, "debitsPending");
        Objects.requireNonNull(creditsPending, "creditsPending");
    }

    static Account empty(AccountId id, AccountKind kind) {
        return new Account(id, kind, Usdc.ZERO, Usdc.ZERO, Usdc.ZERO, Usdc.ZERO);
    }

    /** Posted credits minus posted debits, in units; negative only for an {@link AccountKind#EXTERNAL} account. */
    public long net() {
        return creditsPosted.units() - debitsPosted.units();
    }

    /**
     * What can still be spent: posted credits minus posted and pending debits. Money on hold is
     * not available, and money on its way in is not available yet.
     */
    public Usdc available() {
        if (kind.mayGoNegative()) {
            throw new IllegalStateException("an external account has no available balance; use net()");
        }
        return creditsPosted.minus(debitsPosted).minus(debitsPending);
    }

    /** Whether the debits respect this account's kind; checked after every change, before it is kept. */
    boolean withinLimit() {
        if (kind.mayGoNegative()) {
            return true;
        }
        return debitsPosted.compareTo(creditsPosted) <= 0
            && debitsPending.units() <= creditsPosted.units() - debitsPosted.units();
    }

    Account debited(Usdc amount) {
        return new Account(id, kind, debitsPosted.plus(amount), creditsPosted, debitsPending, creditsPending);
    }

    Account credited(Usdc amount) {
        return new Account(id, kind, debitsPosted, creditsPosted.plus(amount), debitsPending, creditsPending);
    }

    Account debitHeld(Usdc amount) {
        return new Account(id, kind, debitsPosted, creditsPosted, debitsPending.plus(amount), creditsPending);
    }

    Account creditHeld(Usdc amount) {
        return new Account(id, kind, debitsPosted, creditsPosted, debitsPending, creditsPending.plus(amount));
    }

    Account debitReleased(Usdc amount) {
        return new Account(id, kind, debitsPosted, creditsPosted, debitsPending.minus(amount), creditsPending);
    }

    Account creditReleased(Usdc amount) {
        return new Account(id, kind, debitsPosted, creditsPosted, debitsPending, creditsPending.minus(amount));
    }
}
