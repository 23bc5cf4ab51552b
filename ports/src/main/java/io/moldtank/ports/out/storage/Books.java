package io.moldtank.ports.out.storage;

import io.moldtank.domain.ledger.Account;
import io.moldtank.domain.ledger.AccountId;
import io.moldtank.domain.ledger.AccountKind;
import io.moldtank.domain.ledger.LedgerTotals;
import io.moldtank.domain.ledger.TransferId;
import io.moldtank.domain.ledger.TransferOutcome;
import io.moldtank.domain.ledger.TransferRequest;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The double-entry ledger of internal balances. Adapters apply the domain's rules (debits = credits,
 * no constrained balance below zero, idempotent transfer ids) and take part in the current transaction.
 * Refusals are {@link io.moldtank.domain.shared.Rejection}s carrying a ledger reason.
 */
public interface Books {
    /** Opens the account if missing; opening it again with the same kind changes nothing. */
    Account openAccount(AccountId id, AccountKind kind, Instant at);

    /** All or nothing. */
    List<TransferOutcome> transferAll(List<TransferRequest> requests, Instant at);

    /** A two-phase transfer's first half: the amount is reserved on the debit side. */
    TransferOutcome hold(TransferRequest request, Instant at);

    void postHold(TransferId hold, Instant at);

    void voidHold(TransferId hold, Instant at);

    Optional<Account> account(AccountId id);

    LedgerTotals totals();
}
