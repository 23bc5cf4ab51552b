package io.moldtank.adapters.persistence.storage;

import io.moldtank.domain.money.Usdc;
import io.moldtank.ports.out.storage.MoneyFigures;
import io.moldtank.ports.out.storage.OperatorAudit;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The operator console's ports on the same database as {@link SqlStorage}: its audit log and money sums. */
public final class SqlOperatorConsole implements OperatorAudit, MoneyFigures {
    private final Db db;

    SqlOperatorConsole(Db db) {
        this.db = db;
    }

    @Override
    public void append(Entry e) {
        db.write("append operator audit", c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO operator_audit "
                    + "(acted_at, operator_name, action_name, target, state_before, state_after, outcome, note) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
                Rows.instant(ps, 1, e.at());
                ps.setString(2, cut(e.operator(), 64));
                ps.setString(3, cut(e.action(), 64));
                ps.setString(4, cut(e.target(), 200));
                ps.setString(5, cut(e.before(), 200));
                ps.setString(6, cut(e.after(), 200));
                ps.setString(7, cut(e.outcome(), 32));
                ps.setString(8, cut(e.note(), 2000));
                ps.executeUpdate();
            }
            return null;
        });
    }

    @Override
    public List<Entry> latest(int limit) {
        return db.read("operator audit", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT id, acted_at, operator_name, action_name, target, state_before, state_after, "
                    + "outcome, note FROM operator_audit ORDER BY id DESC LIMIT ?")) {
                ps.setInt(1, limit);
                List<Entry> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new Entry(rs.getLong("id"), Rows.instant(rs, "acted_at"), rs.getString("operator_name"),
                                rs.getString("action_name"), rs.getString("target"), rs.getString("state_before"),
                                rs.getString("state_after"), rs.getString("outcome"), rs.getString("note")));
                    }
                }
                return out;
            }
        });
    }

    @Override
    public Usdc openRewards() {
        return sum("SELECT COALESCE(SUM(reward_units), 0) FROM bounties WHERE status = 'OPEN'");
    }

    @Override
    public Usdc unpaidAwards() {
        return sum("SELECT COALESCE(SUM(reward_units), 0) FROM bounties WHERE status = 'AWARDED'");
    }

    @Override
    public Usdc agentBalances() {
        return sum("SELECT COALESCE(SUM(credits_posted - debits_posted), 0) FROM ledger_accounts "
                + "WHERE kind = 'AGENT_AVAILABLE'");
    }

    @Override
    public List<Paid> paidSince(Instant since) {
        return db.read("paid bounties", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT e.occurred_at, b.reward_units FROM events e "
                    + "JOIN bounties b ON b.id = e.bounty_id WHERE e.type = 'bounty.paid' AND e.occurred_at >= ? "
                    + "ORDER BY e.occurred_at, e.id")) {
                Rows.instant(ps, 1, since);
                List<Paid> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new Paid(Rows.instant(rs, "occurred_at"), Usdc.ofUnits(rs.getLong("reward_units"))));
                    }
                }
                return out;
            }
        });
    }

    private Usdc sum(String sql) {
        return db.read("money sum", c -> one(c, sql));
    }

    private static Usdc one(Connection c, String sql) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            rs.next();
            return Usdc.ofUnits(Math.max(0, rs.getLong(1)));
        }
    }

    /** Audit text is diagnostics: cut, never refused, so an action is never lost to its log line. */
    private static String cut(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }
}
