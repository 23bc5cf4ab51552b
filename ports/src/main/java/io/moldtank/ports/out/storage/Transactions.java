package io.moldtank.ports.out.storage;

import java.util.function.Supplier;

/**
 * Runs work atomically: every storage port called inside takes part, and an exception undoes all of
 * it. The award, its payout-outbox row and its events commit together or not at all.
 */
public interface Transactions {
    <T> T inTransaction(Supplier<T> work);
}
