package io.moldtank.adapters.persistence.storage;

import io.moldtank.domain.agent.AgentId;
import io.moldtank.domain.agent.WalletAddress;
import io.moldtank.domain.bounty.BountyId;
import io.moldtank.domain.bounty.SubmissionId;
import io.moldtank.domain.money.Usdc;
import io.moldtank.domain.payout.Payout;
import io.moldtank.domain.payout.PayoutId;
import io.moldtank.domain.payout.PayoutStatus;
import io.moldtank.ports.out.storage.StaleWrite;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The payout outbox: one row per bounty (a unique constraint), driven by version-checked updates. */
final class Payouts {
    private static final String COLUMNS = "id, bounty_id, submission_id, winner_id, wallet, amount_units, endpoint, "
            + "status, attempts, next_attempt_at, tx_hash, receipt, last_error, created_at, version";

    private Payouts() {
    }

    /** False when the bounty (or the id) already has a payout; nothing is written then. */
    static boolean add(Connection c, Payout p) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO payouts (status, attempts, next_attempt_at, "
                + "tx_hash, receipt, last_error, id, bounty_id, submission_id, winner_id, wallet, amount_units, "
                + "endpoint, created_at, version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1) "
                + "ON CONFLICT DO NOTHING")) {
            int i = bindProgress(ps, p);
            ps.setObject(i++, p.id().value());
            ps.setObject(i++, p.bountyId().value());
            ps.setObject(i++, p.submissionId().value());
            ps.setObject(i++, p.winner().value());
            ps.setString(i++, p.wallet().hex());
            ps.setLong(i++, p.amount().units());
            ps.setString(i++, Text.column("payout.endpoint", p.endpoint(), 2048));
            Rows.instant(ps, i, p.createdAt());
            return ps.executeUpdate() == 1;
        }
    }

    /** Only the progress columns change; who, what and how much are fixed when the payout is scheduled. */
    static void save(Connection c, Payout p) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE payouts SET status = ?, attempts = ?, "
                + "next_attempt_at = ?, tx_hash = ?, receipt = ?, last_error = ?, version = version + 1 "
                + "WHERE id = ? AND version = ?")) {
            int i = bindProgress(ps, p);
            ps.setObject(i++, p.id().value());
            ps.setLong(i, p.version());
            if (ps.executeUpdate() == 0) {
                throw new StaleWrite("payout " + p.id() + " (version " + p.version() + " is no longer current)");
            }
        }
    }

    private static int bindProgress(PreparedStatement ps, Payout p) throws SQLException {
        ps.setString(1, p.status().name());
        ps.setInt(2, p.attempts());
        Rows.instant(ps, 3, p.nextAttemptAt());
        ps.setString(4, Text.column("payout.tx_hash", p.txHash(), 200));
        ps.setString(5, Text.column("payout.receipt", p.receipt(), 20_000));
        ps.setString(6, Text.column("payout.last_error", p.lastError(), 20_000));
        return 7;
    }

    static List<Payout> select(Connection c, String where, int limit, Object... params) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM payouts WHERE " + where
                + " ORDER BY created_at, id LIMIT ?")) {
            int i = 1;
            for (Object param : params) {
                if (param instanceof Instant t) {
                    Rows.instant(ps, i++, t);
                } else {
                    ps.setObject(i++, param);
                }
            }
            ps.setInt(i, limit);
            List<Payout> found = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    found.add(read(rs));
                }
            }
            return found;
        }
    }

    private static Payout read(ResultSet rs) throws SQLException {
        return new Payout(new PayoutId(Rows.uuid(rs, "id")), new BountyId(Rows.uuid(rs, "bounty_id")),
                new SubmissionId(Rows.uuid(rs, "submission_id")), new AgentId(Rows.uuid(rs, "winner_id")),
                new WalletAddress(rs.getString("wallet")), Usdc.ofUnits(rs.getLong("amount_units")),
                rs.getString("endpoint"), PayoutStatus.valueOf(rs.getString("status")), rs.getInt("attempts"),
                Rows.instant(rs, "next_attempt_at"), rs.getString("tx_hash"), rs.getString("receipt"),
                rs.getString("last_error"), Rows.instant(rs, "created_at"), rs.getLong("version"));
    }
}
