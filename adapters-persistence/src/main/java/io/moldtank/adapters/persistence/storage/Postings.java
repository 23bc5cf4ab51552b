package io.moldtank.adapters.persistence.storage;

import static io.moldtank.domain.ledger.LedgerRefusal.*;

import io.moldtank.domain.ledger.*;
import io.moldtank.domain.money.MoneyException;
import io.moldtank.domain.money.Usdc;
import io.moldtank.domain.shared.Rejection;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.*;
import java.util.function.Supplier;

/**
 * The domain ledger's rules ({@link Ledger}) applied to locked rows, in the same order and with the same
 * refusals: every account a batch touches is locked first (in id order), the batch is worked out on a
 * scratch copy, and only a batch that passed as a whole is written. A refusal throws before any write,
 * and the caller's savepoint undoes the rest.
 */
final class Postings {
    private final Map<AccountId, Account> accounts;
    private final Map<TransferId, Transfer> known;
    private final Map<AccountId, Account> changed = new LinkedHashMap<>();
    private final Map<TransferId, Transfer> recorded = new LinkedHashMap<>();

    private Postings(Map<AccountId, Account> accounts, Map<TransferId, Transfer> known) {
        this.accounts = accounts;
        this.known = known;
    }

    static List<TransferOutcome> record(Connection c, List<TransferRequest> requests, boolean twoPhase, Instant at)
            throws SQLException {
        Set<AccountId> touched = new HashSet<>();
        requests.forEach(r -> {
            touched.add(r.debit());
            touched.add(r.credit());
        });
        Map<AccountId, Account> locked = LedgerRows.lock(c, touched);
        Postings p = new Postings(locked, LedgerRows.transfers(c, requests.stream().map(TransferRequest::id).toList()));
        List<TransferOutcome> outcomes = new ArrayList<>();
        for (TransferRequest request : requests) {
            outcomes.add(p.recordOne(request, twoPhase, at));
        }
        LedgerRows.update(c, p.changed.values());
        LedgerRows.insert(c, p.recorded.values());
        return List.copyOf(outcomes);
    }

    static void resolve(Connection c, TransferId id, TransferState resolution, Instant at) throws SQLException {
        Transfer hold = LedgerRows.lockTransfer(c, id)
                .orElseThrow(() -> new Rejection(HOLD_NOT_FOUND, "no transfer " + id));
        if (!hold.twoPhase()) {
            throw new Rejection(NOT_A_HOLD, "transfer " + id + " was posted at once, not held");
        }
        if (hold.state() != TransferState.PENDING) {
            throw new Rejection(hold.state() == TransferState.POSTED ? HOLD_ALREADY_POSTED : HOLD_ALREADY_VOIDED,
                    "hold " + id + " is already " + hold.state());
        }
        TransferRequest r = hold.request();
        Map<AccountId, Account> locked = LedgerRows.lock(c, List.of(r.debit(), r.credit()));
        Account debit = locked.get(r.debit());
        Account credit = locked.get(r.credit());
        Usdc amount = r.amount();
        boolean posting = resolution == TransferState.POSTED;
        Account debited = checked(() -> new Account(debit.id(), debit.kind(),
                posting ? debit.debitsPosted().plus(amount) : debit.debitsPosted(), debit.creditsPosted(),
                debit.debitsPending().minus(amount), debit.creditsPending()));
        Account credited = checked(() -> new Account(credit.id(), credit.kind(), credit.debitsPosted(),
                posting ? credit.creditsPosted().plus(amount) : credit.creditsPosted(),
                credit.debitsPending(), credit.creditsPending().minus(amount)));
        LedgerRows.update(c, List.of(debited, credited));
        LedgerRows.resolve(c, id, resolution, at);
    }

    private TransferOutcome recordOne(TransferRequest request, boolean twoPhase, Instant at) {
        Transfer existing = recorded.getOrDefault(request.id(), known.get(request.id()));
        if (existing != null) {
            if (existing.request().equals(request) && existing.twoPhase() == twoPhase) {
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
        Account debit = current(request.debit());
        Account credit = current(request.credit());
        Usdc amount = request.amount();
        Account debited = checked(() -> new Account(debit.id(), debit.kind(),
                twoPhase ? debit.debitsPosted() : debit.debitsPosted().plus(amount), debit.creditsPosted(),
                twoPhase ? debit.debitsPending().plus(amount) : debit.debitsPending(), debit.creditsPending()));
        Account credited = checked(() -> new Account(credit.id(), credit.kind(), credit.debitsPosted(),
                twoPhase ? credit.creditsPosted() : credit.creditsPosted().plus(amount), credit.debitsPending(),
                twoPhase ? credit.creditsPending().plus(amount) : credit.creditsPending()));
        if (!withinLimit(debited)) {
            throw new Rejection(INSUFFICIENT_FUNDS, debit.id() + " cannot cover " + amount);
        }
        changed.put(debited.id(), debited);
        changed.put(credited.id(), credited);
        Transfer transfer = new Transfer(request, twoPhase, twoPhase ? TransferState.PENDING : TransferState.POSTED, at);
        recorded.put(transfer.id(), transfer);
        return new TransferOutcome.Recorded(transfer);
    }

    private Account current(AccountId id) {
        Account account = changed.getOrDefault(id, accounts.get(id));
        if (account == null) {
            throw new Rejection(UNKNOWN_ACCOUNT, "no account " + id);
        }
        return account;
    }

    /** The domain's limit (Account.withinLimit): only EXTERNAL may spend more than it was credited. */
    private static boolean withinLimit(Account a) {
        if (a.kind().mayGoNegative()) {
            return true;
        }
        return a.debitsPosted().compareTo(a.creditsPosted()) <= 0
                && a.debitsPending().units() <= a.creditsPosted().units() - a.debitsPosted().units();
    }

    private static Account checked(Supplier<Account> change) {
        try {
            return change.get();
        } catch (MoneyException e) {
            throw new Rejection(BALANCE_OVERFLOW, e.getMessage());
        }
    }
}
