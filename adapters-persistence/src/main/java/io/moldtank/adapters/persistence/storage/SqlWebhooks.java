package io.moldtank.adapters.persistence.storage;

import io.moldtank.domain.agent.AgentId;
import io.moldtank.domain.webhook.WebhookEndpoint;
import io.moldtank.domain.webhook.WebhookSecret;
import io.moldtank.ports.out.webhook.WebhookStore;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** The webhook outbox on the same database and transactions as {@link SqlStorage}. */
public final class SqlWebhooks implements WebhookStore {
    private static final String ENDPOINT = "SELECT * FROM webhook_endpoints ";
    private static final String DELIVERY = "SELECT d.id, d.endpoint_id, d.attempts, m.id AS message_id, m.agent_id,"
            + " m.type, m.payload, m.occurred_at FROM webhook_deliveries d JOIN webhook_messages m ON m.id = d.message_id"
            + " JOIN webhook_endpoints e ON e.id = d.endpoint_id ";
    private final Db db;

    SqlWebhooks(Db db) {
        this.db = db;
    }

    @Override
    public void saveEndpoint(WebhookEndpoint e) {
        db.write("save webhook " + e.id(), c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE webhook_endpoints SET url = ?, event_types = ?,"
                    + " secret = ?, prev_secret = ?, prev_until = ?, disabled_at = ? WHERE id = ?")) {
                ps.setString(1, e.url());
                ps.setString(2, String.join(",", e.types()));
                ps.setString(3, e.secret().text());
                ps.setString(4, e.previous() == null ? null : e.previous().text());
                Rows.instant(ps, 5, e.previousUntil());
                Rows.instant(ps, 6, e.disabledAt());
                Rows.uuid(ps, 7, e.id());
                if (ps.executeUpdate() == 1) {
                    return null;
                }
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO webhook_endpoints (id, agent_id, url,"
                    + " event_types, secret, prev_secret, prev_until, created_at, disabled_at)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                Rows.uuid(ps, 1, e.id());
                Rows.uuid(ps, 2, e.owner().value());
                ps.setString(3, e.url());
                ps.setString(4, String.join(",", e.types()));
                ps.setString(5, e.secret().text());
                ps.setString(6, e.previous() == null ? null : e.previous().text());
                Rows.instant(ps, 7, e.previousUntil());
                Rows.instant(ps, 8, e.createdAt());
                Rows.instant(ps, 9, e.disabledAt());
                ps.executeUpdate();
            }
            return null;
        });
    }

    @Override
    public Optional<WebhookEndpoint> endpoint(UUID id) {
        return db.read("load webhook " + id, c -> endpoints(c, "WHERE id = ?", id)).stream().findFirst();
    }

    @Override
    public List<WebhookEndpoint> endpointsOf(AgentId owner) {
        return db.read("list webhooks of " + owner, c -> endpoints(c, "WHERE agent_id = ? ORDER BY created_at, id",
                owner.value()));
    }

    @Override
    public boolean deleteEndpoint(UUID id) {
        return db.write("delete webhook " + id, c -> update(c, "DELETE FROM webhook_endpoints WHERE id = ?", id) == 1);
    }

    @Override
    public long enqueue(AgentId owner, String type, String payload, Instant at, List<UUID> endpoints) {
        return db.write("enqueue webhook " + type, c -> {
            long id;
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO webhook_messages (agent_id, type, payload,"
                    + " occurred_at) VALUES (?, ?, ?, ?)", new String[] {"id"})) {
                Rows.uuid(ps, 1, owner.value());
                ps.setString(2, type);
                ps.setString(3, payload);
                Rows.instant(ps, 4, at);
                ps.executeUpdate();
                try (ResultSet keys = ps.getGeneratedKeys()) {
                    keys.next();
                    id = keys.getLong(1);
                }
            }
            insertDeliveries(c, endpoints, List.of(id), at);
            return id;
        });
    }

    private static void insertDeliveries(Connection c, List<UUID> endpoints, List<Long> messages, Instant at)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO webhook_deliveries (endpoint_id, message_id,"
                + " status, attempts, next_attempt_at) VALUES (?, ?, 'PENDING', 0, ?)")) {
            for (UUID e : endpoints) {
                for (long m : messages) {
                    Rows.uuid(ps, 1, e);
                    ps.setLong(2, m);
                    Rows.instant(ps, 3, at);
                    ps.executeUpdate();
                }
            }
        }
    }

    @Override
    public List<Message> messagesOf(AgentId owner, long afterId, int limit) {
        return db.read("list webhook messages", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT id AS message_id, agent_id, type, payload,"
                    + " occurred_at FROM webhook_messages WHERE agent_id = ? AND id > ? ORDER BY id LIMIT ?")) {
                Rows.uuid(ps, 1, owner.value());
                ps.setLong(2, afterId);
                ps.setInt(3, limit);
                List<Message> found = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        found.add(message(rs));
                    }
                }
                return found;
            }
        });
    }

    @Override
    public void requeue(UUID endpoint, List<Long> messageIds, Instant at) {
        db.write("replay webhook " + endpoint, c -> {
            insertDeliveries(c, List.of(endpoint), messageIds, at);
            return null;
        });
    }

    @Override
    public List<Delivery> claimDue(Instant now, Duration lease, int limit, Set<UUID> skip) {
        List<Delivery> due = db.read("list due webhook deliveries", c -> {
            // busy endpoints are left out in the query: a backlog of theirs must not fill the page and
            // starve every other endpoint (a hostile agent can replay thousands to a receiver that hangs)
            String notBusy = skip.isEmpty() ? "" : " AND d.endpoint_id NOT IN ("
                    + String.join(", ", java.util.Collections.nCopies(skip.size(), "?")) + ")";
            try (PreparedStatement ps = c.prepareStatement(DELIVERY + "WHERE d.status = 'PENDING' AND"
                    + " d.next_attempt_at <= ? AND e.disabled_at IS NULL" + notBusy
                    + " ORDER BY d.next_attempt_at, d.id LIMIT ?")) {
                int i = 1;
                Rows.instant(ps, i++, now);
                for (UUID busy : skip) {
                    Rows.uuid(ps, i++, busy);
                }
                ps.setInt(i, limit);
                List<Delivery> found = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        found.add(new Delivery(rs.getLong("id"), Rows.uuid(rs, "endpoint_id"), message(rs),
                                rs.getInt("attempts")));
                    }
                }
                return found;
            }
        });
        List<Delivery> claimed = new ArrayList<>();
        for (Delivery d : due) {
            if (claimed.size() < limit && !skip.contains(d.endpointId()) && claim(d.id(), now, now.plus(lease))) {
                claimed.add(d);
            }
        }
        return claimed;
    }

    /** Compare-and-set on the due time, so of two workers only one takes a delivery. */
    private boolean claim(long id, Instant now, Instant until) {
        return db.write("claim webhook delivery " + id, c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE webhook_deliveries SET next_attempt_at = ?"
                    + " WHERE id = ? AND status = 'PENDING' AND next_attempt_at <= ?")) {
                Rows.instant(ps, 1, until);
                ps.setLong(2, id);
                Rows.instant(ps, 3, now);
                return ps.executeUpdate() == 1;
            }
        });
    }

    @Override
    public void recordAttempt(Attempt a, boolean delivered, Instant next) {
        db.write("record webhook attempt " + a.deliveryId(), c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO webhook_attempts (delivery_id, endpoint_id,"
                    + " message_id, attempt, status, duration_ms, error, attempted_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
                ps.setLong(1, a.deliveryId());
                Rows.uuid(ps, 2, a.endpointId());
                ps.setLong(3, a.messageId());
                ps.setInt(4, a.attempt());
                ps.setInt(5, a.status());
                ps.setLong(6, a.durationMillis());
                ps.setString(7, a.error() == null ? null : a.error().substring(0, Math.min(500, a.error().length())));
                Rows.instant(ps, 8, a.at());
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("UPDATE webhook_deliveries SET status = ?, attempts = ?,"
                    + " next_attempt_at = COALESCE(?, next_attempt_at) WHERE id = ?")) {
                ps.setString(1, delivered ? "DELIVERED" : next == null ? "FAILED" : "PENDING");
                ps.setInt(2, a.attempt());
                Rows.instant(ps, 3, next);
                ps.setLong(4, a.deliveryId());
                ps.executeUpdate();
            }
            return null;
        });
    }

    @Override
    public List<Attempt> attempts(UUID endpoint, int limit) {
        return db.read("list webhook attempts", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT * FROM webhook_attempts WHERE endpoint_id = ?"
                    + " ORDER BY id DESC LIMIT ?")) {
                Rows.uuid(ps, 1, endpoint);
                ps.setInt(2, limit);
                List<Attempt> found = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        found.add(new Attempt(rs.getLong("delivery_id"), Rows.uuid(rs, "endpoint_id"),
                                rs.getLong("message_id"), rs.getInt("attempt"), rs.getInt("status"),
                                rs.getLong("duration_ms"), rs.getString("error"), Rows.instant(rs, "attempted_at")));
                    }
                }
                return found;
            }
        });
    }

    @Override
    public long disabledEndpoints() {
        return db.read("count disabled webhooks", c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT COUNT(*) FROM webhook_endpoints WHERE disabled_at IS NOT NULL");
                 ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    private static Message message(ResultSet rs) throws SQLException {
        return new Message(rs.getLong("message_id"), new AgentId(Rows.uuid(rs, "agent_id")), rs.getString("type"),
                rs.getString("payload"), Rows.instant(rs, "occurred_at"));
    }

    private static List<WebhookEndpoint> endpoints(Connection c, String where, UUID arg) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(ENDPOINT + where)) {
            Rows.uuid(ps, 1, arg);
            List<WebhookEndpoint> found = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String prev = rs.getString("prev_secret");
                    found.add(new WebhookEndpoint(Rows.uuid(rs, "id"), new AgentId(Rows.uuid(rs, "agent_id")),
                            rs.getString("url"), Set.copyOf(Arrays.asList(rs.getString("event_types").split(","))),
                            WebhookSecret.parse(rs.getString("secret")), prev == null ? null : WebhookSecret.parse(prev),
                            Rows.instant(rs, "prev_until"), Rows.instant(rs, "created_at"),
                            Rows.instant(rs, "disabled_at")));
                }
            }
            return found;
        }
    }

    private static int update(Connection c, String sql, UUID id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            Rows.uuid(ps, 1, id);
            return ps.executeUpdate();
        }
    }
}
