package io.moldtank.ports.service;

import io.moldtank.domain.shared.Rejection;
import io.moldtank.ports.in.Outcome;
import io.moldtank.ports.out.storage.StaleWrite;
import io.moldtank.ports.out.storage.Transactions;
import java.util.function.Supplier;

/**
 * Runs a use case's unit of work in a transaction: a domain refusal rolls back and becomes
 * {@link Outcome.Refused}; a concurrent update reloads and tries again a few times.
 */
final class Retrying {
    static final int STALE_RETRIES = 5;

    private Retrying() {
    }

    static <T> Outcome<T> inTransaction(Transactions tx, Supplier<Outcome<T>> work) {
        for (int attempt = 1; ; attempt++) {
            try {
                return tx.inTransaction(work);
            } catch (Rejection r) {
                return Outcome.refused(r);
            } catch (StaleWrite s) {
                if (attempt >= STALE_RETRIES) {
                    throw s;
                }
                Thread.onSpinWait();
            }
        }
    }
}
