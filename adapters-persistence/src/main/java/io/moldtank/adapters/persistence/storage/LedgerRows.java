package io.moldtank.adapters.persistence.storage;

import io.moldtank.domain.ledger.*;
import io.moldtank.domain.money.Usdc;
import java.math.BigInteger;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.*;

/** The ledger's rows: accounts with their four totals, transfers keyed by their idempotency id. */
final class LedgerRows {
    private static final String ACCOUNT = "SELECT id, kind, debits_posted, credits_posted, debits_pending, "
            + "credits_pending FROM ledger_accounts WHERE id = ?";
    private static final String TRANSFER = "SELECT id, debit_account, credit_account, amount_units, code, two_phase, "
            + "state, recorded_at FROM ledger_transfers WHERE id ";

    private LedgerRows() {
    }

    /** Inserts the account unless it exists (then nothing changes); returns what is stored. */
    static Account open(Connection c, AccountId id, AccountKind kind, Instant at) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO ledger_accounts (id, kind, debits_posted, "
                + "credits_posted, debits_pending, credits_pending, opened_at) VALUES (?, ?, 0, 0, 0, 0, ?) "
                + "ON CONFLICT DO NOTHING")) {
            ps.setObject(1, id.value());
            ps.setString(2, kind.name());
            Rows.instant(ps, 3, at);
            ps.executeUpdate();
        }
        return account(c, id, false).orElseThrow(() -> new IllegalStateException("account " + id + " vanished"));
    }

    static Optional<Account> account(Connection c, AccountId id, boolean lock) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(lock ? ACCOUNT + " FOR UPDATE" : ACCOUNT)) {
            ps.setObject(1, id.value());
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new Account(id, AccountKind.valueOf(rs.getString("kind")),
                        Usdc.ofUnits(rs.getLong("debits_posted")), Usdc.ofUnits(rs.getLong("credits_posted")),
                        Usdc.ofUnits(rs.getLong("debits_pending")), Usdc.ofUnits(rs.getLong("credits_pending"))));
            }
        }
    }

    /**
     * Locks the existing accounts among {@code ids} one by one in id order — every writer takes them in
     * the same order, so two transfers between the same accounts queue instead of deadlocking.
     */
    static Map<AccountId, Account> lock(Connection c, Collection<AccountId> ids) throws SQLException {
        Map<AccountId, Account> locked = new HashMap<>();
        for (AccountId id : new TreeSet<>(ids.stream().map(AccountId::value).toList()).stream()
                .map(AccountId::new).toList()) {
            account(c, id, true).ifPresent(a -> locked.put(id, a));
        }
        return locked;
    }

    static void update(Connection c, Collection<Account> accounts) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE ledger_accounts SET debits_posted = ?, "
                + "credits_posted = ?, debits_pending = ?, credits_pending = ? WHERE id = ?")) {
            for (Account a : accounts) {
                ps.setLong(1, a.debitsPosted().units());
                ps.setLong(2, a.creditsPosted().units());
                ps.setLong(3, a.debitsPending().units());
                ps.setLong(4, a.creditsPending().units());
                ps.setObject(5, a.id().value());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    static Map<TransferId, Transfer> transfers(Connection c, Collection<TransferId> ids) throws SQLException {
        Map<TransferId, Transfer> found = new HashMap<>();
        if (ids.isEmpty()) {
            return found;
        }
        try (PreparedStatement ps = c.prepareStatement(TRANSFER + "IN (" + Rows.placeholders(ids.size()) + ")")) {
            Rows.bindUuids(ps, 1, ids.stream().map(TransferId::value).toList());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Transfer t = transfer(rs);
                    found.put(t.id(), t);
                }
            }
        }
        return found;
    }

    /** The transfer, locked so that two resolutions of one hold queue and the second sees the first. */
    static Optional<Transfer> lockTransfer(Connection c, TransferId id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(TRANSFER + "= ? FOR UPDATE")) {
            ps.setObject(1, id.value());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(transfer(rs)) : Optional.empty();
            }
        }
    }

    static void insert(Connection c, Collection<Transfer> transfers) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO ledger_transfers (id, debit_account, "
                + "credit_account, amount_units, code, two_phase, state, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (Transfer t : transfers) {
                TransferRequest r = t.request();
                ps.setObject(1, r.id().value());
                ps.setObject(2, r.debit().value());
                ps.setObject(3, r.credit().value());
                ps.setLong(4, r.amount().units());
                ps.setString(5, r.code().name());
                ps.setBoolean(6, t.twoPhase());
                ps.setString(7, t.state().name());
                Rows.instant(ps, 8, t.recordedAt());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    static void resolve(Connection c, TransferId id, TransferState state, Instant at) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE ledger_transfers SET state = ?, resolved_at = ? "
                + "WHERE id = ? AND state = 'PENDING'")) {
            ps.setString(1, state.name());
            Rows.instant(ps, 2, at);
            ps.setObject(3, id.value());
            if (ps.executeUpdate() != 1) {
                throw new IllegalStateException("hold " + id + " was not pending under its lock");
            }
        }
    }

    static LedgerTotals totals(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT COALESCE(SUM(debits_posted), 0), "
                + "COALESCE(SUM(credits_posted), 0), COALESCE(SUM(debits_pending), 0), "
                + "COALESCE(SUM(credits_pending), 0) FROM ledger_accounts");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return new LedgerTotals(big(rs, 1), big(rs, 2), big(rs, 3), big(rs, 4));
        }
    }

    private static BigInteger big(ResultSet rs, int column) throws SQLException {
        return rs.getBigDecimal(column).toBigIntegerExact();
    }

    private static Transfer transfer(ResultSet rs) throws SQLException {
        TransferRequest request = new TransferRequest(new TransferId(Rows.uuid(rs, "id")),
                new AccountId(Rows.uuid(rs, "debit_account")), new AccountId(Rows.uuid(rs, "credit_account")),
                Usdc.ofUnits(rs.getLong("amount_units")), TransferCode.valueOf(rs.getString("code")));
        return new Transfer(request, rs.getBoolean("two_phase"), TransferState.valueOf(rs.getString("state")),
                Rows.instant(rs, "recorded_at"));
    }
}
