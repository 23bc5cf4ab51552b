package io.moldtank.adapters.persistence.storage;

import io.moldtank.domain.bounty.BountyId;
import io.moldtank.domain.reconciliation.Difference;
import io.moldtank.ports.out.storage.DifferenceLog.DifferenceRecord;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** reconciliation_differences: one row per (kind, bounty, tx); a run upserts what it found and clears the rest. */
final class DifferenceRows {
    private static final String COLUMNS = "id, kind, bounty_id, tx_hash, detail, first_seen, last_seen, cleared_at, "
            + "acknowledged_by, note, acknowledged_at";

    private DifferenceRows() {
    }

    static int recordRun(Connection c, List<Difference> found, Instant now) throws SQLException {
        List<Long> seen = new ArrayList<>();
        for (Difference d : found) {
            seen.add(upsert(c, d, now));
        }
        String notSeen = seen.isEmpty() ? "" : " AND id NOT IN (" + String.join(", ", seen.stream().map(String::valueOf).toList()) + ")";
        try (PreparedStatement ps = c.prepareStatement("UPDATE reconciliation_differences SET cleared_at = ? "
                + "WHERE cleared_at IS NULL" + notSeen)) {
            Rows.instant(ps, 1, now);
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT COUNT(*) FROM reconciliation_differences WHERE cleared_at IS NULL");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private static long upsert(Connection c, Difference d, Instant now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE reconciliation_differences SET last_seen = ?, detail = ?, "
                + "cleared_at = NULL WHERE kind = ? AND bounty_id = ? AND tx_hash = ?")) {
            Rows.instant(ps, 1, now);
            ps.setString(2, Text.column("difference.detail", d.detail(), 2000));
            bindKey(ps, 3, d);
            if (ps.executeUpdate() == 0) {
                try (PreparedStatement insert = c.prepareStatement("INSERT INTO reconciliation_differences "
                        + "(kind, bounty_id, tx_hash, detail, first_seen, last_seen) VALUES (?, ?, ?, ?, ?, ?)")) {
                    int i = bindKey(insert, 1, d);
                    insert.setString(i++, Text.column("difference.detail", d.detail(), 2000));
                    Rows.instant(insert, i++, now);
                    Rows.instant(insert, i, now);
                    insert.executeUpdate();
                }
            }
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT id FROM reconciliation_differences "
                + "WHERE kind = ? AND bounty_id = ? AND tx_hash = ?")) {
            bindKey(ps, 1, d);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static int bindKey(PreparedStatement ps, int from, Difference d) throws SQLException {
        ps.setString(from, d.kind().name());
        ps.setObject(from + 1, d.bountyId().value());
        ps.setString(from + 2, Text.column("difference.tx_hash", d.txHash(), 200));
        return from + 3;
    }

    static List<DifferenceRecord> open(Connection c, int limit) throws SQLException {
        return select(c, "cleared_at IS NULL ORDER BY first_seen, id LIMIT ?", limit);
    }

    static Optional<DifferenceRecord> acknowledge(Connection c, long id, String by, String note, Instant now)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE reconciliation_differences SET acknowledged_by = ?, "
                + "note = ?, acknowledged_at = ? WHERE id = ?")) {
            ps.setString(1, Text.column("difference.acknowledged_by", by, 200));
            ps.setString(2, Text.column("difference.note", note, 2000));
            Rows.instant(ps, 3, now);
            ps.setLong(4, id);
            if (ps.executeUpdate() == 0) {
                return Optional.empty();
            }
        }
        return select(c, "id = ?", id).stream().findFirst();
    }

    private static List<DifferenceRecord> select(Connection c, String where, Object param) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM reconciliation_differences WHERE "
                + where)) {
            ps.setObject(1, param);
            List<DifferenceRecord> found = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    found.add(new DifferenceRecord(rs.getLong("id"), new Difference(
                            Difference.Kind.valueOf(rs.getString("kind")), new BountyId(Rows.uuid(rs, "bounty_id")),
                            rs.getString("tx_hash"), rs.getString("detail")), Rows.instant(rs, "first_seen"),
                            Rows.instant(rs, "last_seen"), Rows.instant(rs, "cleared_at"),
                            rs.getString("acknowledged_by"), rs.getString("note"), Rows.instant(rs, "acknowledged_at")));
                }
            }
            return found;
        }
    }
}
