package io.moldtank.adapters.persistence.storage;

import io.moldtank.domain.a2a.CardState;
import io.moldtank.domain.agent.AgentId;
import io.moldtank.ports.out.a2a.CardStore;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The A2A card cache on the same database as {@link SqlStorage}. */
public final class SqlAgentCards implements CardStore {
    private static final String SELECT = "SELECT * FROM agent_cards ";
    private final Db db;

    SqlAgentCards(Db db) {
        this.db = db;
    }

    @Override
    public void save(CardState s) {
        db.write("save agent card " + s.agent(), c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE agent_cards SET endpoint = ?, status = ?, card = ?,"
                    + " reason = ?, etag = ?, checked_at = ?, next_fetch_at = ? WHERE agent_id = ?")) {
                bind(ps, s);
                if (ps.executeUpdate() == 1) {
                    return null;
                }
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO agent_cards (endpoint, status, card, reason,"
                    + " etag, checked_at, next_fetch_at, agent_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
                bind(ps, s);
                ps.executeUpdate();
            }
            return null;
        });
    }

    private static void bind(PreparedStatement ps, CardState s) throws SQLException {
        ps.setString(1, Text.column("agent_card.endpoint", s.endpoint(), 2048));
        ps.setString(2, s.status().name());
        ps.setString(3, CardRows.json(s.card()));
        ps.setString(4, s.reason());
        ps.setString(5, s.etag());
        Rows.instant(ps, 6, s.checkedAt());
        Rows.instant(ps, 7, s.nextFetchAt());
        Rows.uuid(ps, 8, s.agent().value());
    }

    @Override
    public Optional<CardState> card(AgentId agent) {
        return db.read("load agent card " + agent, c -> {
            try (PreparedStatement ps = c.prepareStatement(SELECT + "WHERE agent_id = ?")) {
                Rows.uuid(ps, 1, agent.value());
                return all(ps).stream().findFirst();
            }
        });
    }

    @Override
    public Map<AgentId, CardState> cards(Collection<AgentId> agents) {
        if (agents.isEmpty()) {
            return Map.of();
        }
        return db.read("load agent cards", c -> {
            try (PreparedStatement ps = c.prepareStatement(SELECT + "WHERE agent_id IN ("
                    + Rows.placeholders(agents.size()) + ")")) {
                Rows.bindUuids(ps, 1, agents.stream().map(AgentId::value).toList());
                Map<AgentId, CardState> out = new HashMap<>();
                all(ps).forEach(s -> out.put(s.agent(), s));
                return out;
            }
        });
    }

    @Override
    public List<CardState> due(Instant now, int limit) {
        return db.read("agent cards due", c -> {
            try (PreparedStatement ps = c.prepareStatement(SELECT
                    + "WHERE next_fetch_at <= ? ORDER BY next_fetch_at, agent_id LIMIT ?")) {
                Rows.instant(ps, 1, now);
                ps.setInt(2, limit);
                return all(ps);
            }
        });
    }

    @Override
    public boolean remove(AgentId agent) {
        return db.write("remove agent card " + agent, c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM agent_cards WHERE agent_id = ?")) {
                Rows.uuid(ps, 1, agent.value());
                return ps.executeUpdate() == 1;
            }
        });
    }

    private static List<CardState> all(PreparedStatement ps) throws SQLException {
        List<CardState> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(CardRows.read(rs));
            }
        }
        return out;
    }
}
