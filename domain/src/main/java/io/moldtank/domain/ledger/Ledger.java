package io.moldtank.domain.ledger;

import static io.moldtank.domain.ledger.LedgerRefusal.ACCOUNT_EXISTS_DIFFERENT;
import static io.moldtank.domain.ledger.LedgerRefusal.HOLD_ALREADY_POSTED;
import static io.moldtank.domain.ledger.LedgerRefusal.HOLD_ALREADY_VOIDED;
import static io.moldtank.domain.ledger.LedgerRefusal.HOLD_NOT_FOUND;
import static io.moldtank.domain.ledger.LedgerRefusal.INSUFFICIENT_FUNDS;
import static io.moldtank.domain.ledger.LedgerRefusal.NOT_A_HOLD;
import static io.moldtank.domain.ledger.LedgerRefusal.SAME_ACCOUNT;
import static io.moldtank.domain.ledger.LedgerRefusal.TRANSFER_EXISTS_DIFFERENT;
import static io.moldtank.domain.ledger.LedgerRefusal.ZERO_AMOUNT;
import static io.moldtank.domain.ledger.TransferState.PENDING;
import static io.moldtank.domain.ledger.TransferState.POSTED;
import static io.moldtank.domain.ledger.TransferState.VOIDED;

import io.moldtank.domain.shared.EventLog;
import io.moldtank.domain.shared.Rejection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Double-entry ledger of internal balances, after TigerBeetle: every transfer debits one account
 * and credits another by the same amount, so total debits always equal total credits; no account
 * but an {@link AccountKind#EXTERNAL} one may spend more than it was credited; transfer ids are
 * idempotency keys; holds are two-phase (pending, then posted or voided exactly once).
 * Each operation either applies completely and records events, or throws a {@link Rejection}
 * and changes nothing.
 */
public final class Ledger {
    private final Map<AccountId, Account> accounts = new HashMap<>();
    private final Map<TransferId, Transfer> transfers = new LinkedHashMap<>();
    private final EventLog events = new EventLog();

    /** Opens an account; opening it again with the same kind is a no-op, with another kind a refusal. */
    public Account open(AccountId id, AccountKind kind, Instant at) {
        Account existing = accounts.get(id);
        if (existing != null) {
            if (existing.kind() != kind) {
                throw new Rejection(ACCOUNT_EXISTS_DIFFERENT, id + " is " + existing.kind() + ", not " + kind);
            }
            return existing;
        }
        Account opened = Account.empty(id, kind);
        accounts.put(id, opened);
        events.record(new AccountOpened(id, kind, at));
        return opened;
    }

    public TransferOutcome transfer(TransferRequest request, Instant at) {
        return transferAll(List.of(request), at).getFirst();
    }

    /** Posts the transfers together or not at all, like TigerBeetle's linked transfers. */
    public List<TransferOutcome> transferAll(List<TransferRequest> requests, Instant at) {
        return record(requests, false, at);
    }

    /** Places a hold: the amount leaves the debit account's available balance but moves nowhere yet. */
    public TransferOutcome hold(TransferRequest request, Instant at) {
        return record(List.of(request), true, at).getFirst();
    }

    /** Completes a hold for its full amount. */
    public Transfer post(TransferId hold, Instant at) {
        return resolve(hold, POSTED, at);
    }

    /** Cancels a hold; the debit account gets its available balance back. */
    public Transfer voidHold(TransferId hold, Instant at) {
        return resolve(hold, VOIDED, at);
    }

    public Optional<Account> account(AccountId id) {
        return Optional.ofNullable(accounts.get(id));
    }

    public Optional<Transfer> transfer(TransferId id) {
        return Optional.ofNullable(transfers.get(id));
    }

    public List<Account> accounts() {
        return List.copyOf(accounts.values());
    }

    public LedgerTotals totals() {
        LedgerTotals totals = LedgerTotals.ZERO;
        for (Account account : accounts.values()) {
            totals = totals.plus(account);
        }
        return totals;
    }

    public EventLog events() {
        return events;
    }

    private List<TransferOutcome> record(List<TransferRequest> requests, boolean twoPhase, Instant at) {
        Changes changes = new Changes(accounts, transfers);
        List<TransferOutcome> outcomes = new ArrayList<>();
        for (TransferRequest request : requests) {
            outcomes.add(recordOne(changes, request, twoPhase, at));
        }
        changes.applyTo(accounts, transfers);
        for (TransferOutcome outcome : outcomes) {
            if (outcome instanceof TransferOutcome.Recorded recorded) {
                events.record(new TransferRecorded(recorded.transfer(), at));
            }
        }
        return List.copyOf(outcomes);
    }

    private static TransferOutcome recordOne(Changes changes, TransferRequest request, boolean twoPhase, Instant at) {
        Transfer existing = changes.transfer(request.id());
        if (existing != null) {
            if (existing.sameAs(request, twoPhase)) {
                return new TransferOutcome.AlreadyRecorded(existing);
            }
            throw new Rejection(TRANSFER_EXISTS_DIFFERENT, "transfer " + request.id() + " was recorded with other content");
        }
        if (request.amount().isZero()) {
            throw new Rejection(ZERO_AMOUNT, "transfer " + request.id() + " moves nothing");
        }
        if (request.debit().equals(request.credit())) {
            throw new Rejection(SAME_ACCOUNT, "transfer " + request.id() + " debits and credits " + request.debit());
        }
        Account debit = changes.account(request.debit());
        Account credit = changes.account(request.credit());
        var amount = request.amount();
        Account debited = Changes.checked(() -> twoPhase ? debit.debitHeld(amount) : debit.debited(amount));
        Account credited = Changes.checked(() -> twoPhase ? credit.creditHeld(amount) : credit.credited(amount));
        if (!debited.withinLimit()) {
            throw new Rejection(INSUFFICIENT_FUNDS, debit.id() + " cannot cover " + amount);
        }
        changes.put(debited);
        changes.put(credited);
        Transfer transfer = new Transfer(request, twoPhase, twoPhase ? PENDING : POSTED, at);
        changes.put(transfer);
        return new TransferOutcome.Recorded(transfer);
    }

    private Transfer resolve(TransferId id, TransferState resolution, Instant at) {
        Transfer hold = transfers.get(id);
        if (hold == null) {
            throw new Rejection(HOLD_NOT_FOUND, "no transfer " + id);
        }
        if (!hold.twoPhase()) {
            throw new Rejection(NOT_A_HOLD, "transfer " + id + " was posted at once, not held");
        }
        if (hold.state() != PENDING) {
            throw new Rejection(hold.state() == POSTED ? HOLD_ALREADY_POSTED : HOLD_ALREADY_VOIDED,
                "hold " + id + " is already " + hold.state());
        }
        Changes changes = new Changes(accounts, transfers);
        var amount = hold.request().amount();
        Account debit = changes.account(hold.request().debit());
        Account credit = changes.account(hold.request().credit());
        boolean posting = resolution == POSTED;
        changes.put(Changes.checked(() -> posting
            ? debit.debitReleased(amount).debited(amount) : debit.debitReleased(amount)));
        changes.put(Changes.checked(() -> posting
            ? credit.creditReleased(amount).credited(amount) : credit.creditReleased(amount)));
        Transfer resolved = hold.resolvedAs(resolution);
        changes.put(resolved);
        changes.applyTo(accounts, transfers);
        events.record(new HoldResolved(resolved, at));
        return resolved;
    }
}
