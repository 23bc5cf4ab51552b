package io.moldtank.adapters.persistence.storage;

import io.moldtank.domain.bounty.BountyId;
import io.moldtank.domain.shared.DomainEvent;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** The event log: appends in the caller's transaction, and reads back what has been committed. */
final class Events {
    /** An event with the id the database gave its row. */
    record Logged(long id, DomainEvent event) {
    }

    private Events() {
    }

    /** Appends {@code events} in order and returns them with their generated ids. */
    static List<Logged> append(Connection c, List<DomainEvent> events) throws SQLException {
        List<Logged> logged = new ArrayList<>(events.size());
        if (events.isEmpty()) {
            return logged;
        }
        // One insert per event, not a batch: generated keys of a batch are not returned alike by every
        // driver, and a transaction records only a handful of events.
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO events (bounty_id, type, payload, occurred_at) VALUES (?, ?, ?, ?)",
                new String[] {"id"})) {
            for (DomainEvent e : events) {
                BountyId bounty = EventJson.bountyOf(e);
                Rows.uuid(ps, 1, bounty == null ? null : bounty.value());
                ps.setString(2, EventJson.type(e));
                ps.setString(3, EventJson.payload(e));
                Rows.instant(ps, 4, e.occurredAt());
                ps.executeUpdate();
                try (ResultSet keys = ps.getGeneratedKeys()) {
                    if (!keys.next()) {
                        throw new SQLException("the database returned no id for an event row");
                    }
                    logged.add(new Logged(keys.getLong(1), e));
                }
            }
        }
        return logged;
    }

    /** Committed events of {@code bounty} with id above {@code afterId}, oldest first. */
    static List<Logged> of(Connection c, BountyId bounty, long afterId, int limit) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT id, type, payload FROM events WHERE bounty_id = ? AND id > ? ORDER BY id LIMIT ?")) {
            Rows.uuid(ps, 1, bounty.value());
            ps.setLong(2, afterId);
            ps.setInt(3, limit);
            List<Logged> found = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    found.add(new Logged(rs.getLong("id"),
                            EventJsonReader.decode(rs.getString("type"), rs.getString("payload"))));
                }
            }
            return found;
        }
    }
}
