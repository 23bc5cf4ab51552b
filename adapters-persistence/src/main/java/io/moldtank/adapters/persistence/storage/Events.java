package io.moldtank.adapters.persistence.storage;

import io.moldtank.domain.bounty.BountyId;
import io.moldtank.domain.shared.DomainEvent;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.LoggerFactory;

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

    /**
     * A committed event read back by id; {@code bountyId} is null for an event of no bounty, and
     * {@code event} is null then and when the row could not be read.
     */
    record Row(long id, BountyId bountyId, DomainEvent event) {
    }

    /** The highest id committed so far, 0 when there is none. */
    static long lastId(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT COALESCE(MAX(id), 0) FROM events");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Ids of committed events above {@code afterId}, in order. */
    static List<Long> idsAfter(Connection c, long afterId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT id FROM events WHERE id > ? ORDER BY id")) {
            ps.setLong(1, afterId);
            List<Long> ids = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
            return ids;
        }
    }

    /** Committed events with id above {@code afterId}, oldest first, at most {@code limit}. */
    static List<Row> after(Connection c, long afterId, int limit) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT id, bounty_id, type, payload FROM events"
                + " WHERE id > ? ORDER BY id LIMIT ?")) {
            ps.setLong(1, afterId);
            ps.setInt(2, limit);
            return rows(ps);
        }
    }

    /** Those of {@code ids} that are committed, oldest first (PostgreSQL: = ANY). */
    static List<Row> withIds(Connection c, List<Long> ids) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT id, bounty_id, type, payload FROM events"
                + " WHERE id = ANY(?) ORDER BY id")) {
            ps.setArray(1, c.createArrayOf("bigint", ids.toArray()));
            return rows(ps);
        }
    }

    private static List<Row> rows(PreparedStatement ps) throws SQLException {
        List<Row> found = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                java.util.UUID bounty = Rows.uuid(rs, "bounty_id");
                long id = rs.getLong("id");
                // an event of no bounty only moves the reader past its id: it is not decoded
                DomainEvent event = null;
                if (bounty != null) {
                    try {
                        event = EventJsonReader.decode(rs.getString("type"), rs.getString("payload"));
                    } catch (UnreadableEvent e) { // e.g. written by a newer version: skipped, not a stuck reader
                        LoggerFactory.getLogger(Events.class).warn("event {} is unreadable, not delivered: {}",
                                id, e.getMessage());
                    }
                }
                found.add(new Row(id, bounty == null ? null : new BountyId(bounty), event));
            }
        }
        return found;
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
