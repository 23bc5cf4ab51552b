package io.moldtank.adapters.persistence.storage;

import io.moldtank.domain.bounty.BountyId;
import io.moldtank.domain.shared.DomainEvent;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

/** Appends domain events to the event log, in the caller's transaction. */
final class Events {
    private Events() {
    }

    static void append(Connection c, List<DomainEvent> events) throws SQLException {
        if (events.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO events (bounty_id, type, payload, occurred_at) VALUES (?, ?, ?, ?)")) {
            for (DomainEvent e : events) {
                BountyId bounty = EventJson.bountyOf(e);
                Rows.uuid(ps, 1, bounty == null ? null : bounty.value());
                ps.setString(2, EventJson.type(e));
                ps.setString(3, EventJson.payload(e));
                Rows.instant(ps, 4, e.occurredAt());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }
}
