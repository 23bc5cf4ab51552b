package io.moldtank.domain.ledger;

import static io.moldtank.domain.ledger.LedgerRefusal.BALANCE_OVERFLOW;
import static io.moldtank.domain.ledger.LedgerRefusal.UNKNOWN_ACCOUNT;

import io.moldtank.domain.money.MoneyException;
import io.moldtank.domain.shared.Rejection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * A scratch copy of the accounts and transfers an operation touches. Every check runs against
 * it, and the ledger copies it back only when the whole operation passed; that is what makes a
 * batch all-or-nothing and a refused operation leave the ledger untouched.
 */
final class Changes {
    private final Map<AccountId, Account> baseAccounts;
    private final Map<TransferId, Transfer> baseTransfers;
    private final Map<AccountId, Account> accounts = new LinkedHashMap<>();
    private final Map<TransferId, Transfer> transfers = new LinkedHashMap<>();

    Changes(Map<AccountId, Account> baseAccounts, Map<TransferId, Transfer> baseTransfers) {
        this.baseAccounts = baseAccounts;
        this.baseTransfers = baseTransfers;
    }

    Account account(AccountId id) {
        Account account = accounts.getOrDefault(id, baseAccounts.get(id));
        if (account == null) {
            throw new Rejection(UNKNOWN_ACCOUNT, "no account " + id);
        }
        return account;
    }

    Transfer transfer(TransferId id) {
        return transfers.getOrDefault(id, baseTransfers.get(id));
    }

    void put(Account account) {
        accounts.put(account.id(), account);
    }

    void put(Transfer transfer) {
        transfers.put(transfer.id(), transfer);
    }

    void applyTo(Map<AccountId, Account> targetAccounts, Map<TransferId, Transfer> targetTransfers) {
        targetAccounts.putAll(accounts);
        targetTransfers.putAll(transfers);
    }

    /** Runs one balance change, turning a total that no long can hold into a typed refusal. */
    static Account checked(Supplier<Account> change) {
        try {
            return change.get();
        } catch (MoneyException e) {
            throw new Rejection(BALANCE_OVERFLOW, e.getMessage());
        }
    }
}
