package io.moldtank.adapters.persistence.storage;

import io.moldtank.ports.out.storage.Leases.Lease;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The leases table, under a row lock: the first taker inserts the row (a racing insert loses on the
 * primary key), later takers update it when it is free, expired, or already theirs.
 */
final class LeaseRows {
    private LeaseRows() {
    }

    static Optional<Lease> tryHold(Connection c, String name, String holder, Duration ttl, Instant now)
            throws SQLException {
        Instant until = now.plus(ttl);
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT holder, fence, expires_at, last_done_at FROM leases WHERE name = ? FOR UPDATE")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    try (PreparedStatement insert = c.prepareStatement(
                            "INSERT INTO leases (name, holder, fence, expires_at) VALUES (?, ?, 1, ?)")) {
                        insert.setString(1, name);
                        insert.setString(2, Text.column("lease.holder", holder, 200));
                        Rows.instant(insert, 3, until);
                        insert.executeUpdate();
                    }
                    return Optional.of(new Lease(name, holder, 1, until, null));
                }
                String current = rs.getString("holder");
                Instant expires = Rows.instant(rs, "expires_at");
                Instant lastDone = Rows.instant(rs, "last_done_at");
                if (current != null && !current.equals(holder) && expires.isAfter(now)) {
                    return Optional.empty();
                }
                long fence = holder.equals(current) ? rs.getLong("fence") : rs.getLong("fence") + 1;
                try (PreparedStatement update = c.prepareStatement(
                        "UPDATE leases SET holder = ?, fence = ?, expires_at = ? WHERE name = ?")) {
                    update.setString(1, Text.column("lease.holder", holder, 200));
                    update.setLong(2, fence);
                    Rows.instant(update, 3, until);
                    update.setString(4, name);
                    update.executeUpdate();
                }
                return Optional.of(new Lease(name, holder, fence, until, lastDone));
            }
        }
    }

    static void release(Connection c, String name, String holder, Instant doneAt) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE leases SET holder = NULL, expires_at = ?, "
                + "last_done_at = COALESCE(?, last_done_at) WHERE name = ? AND holder = ?")) {
            Rows.instant(ps, 1, Instant.EPOCH);
            Rows.instant(ps, 2, doneAt);
            ps.setString(3, name);
            ps.setString(4, holder);
            ps.executeUpdate();
        }
    }
}
