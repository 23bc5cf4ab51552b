package io.moldtank.adapters.persistence.storage;

import io.moldtank.domain.agent.*;
import io.moldtank.ports.out.storage.StaleWrite;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/** Agents, one per wallet (a unique constraint, so two concurrent registrations cannot both win). */
final class Agents {
    private static final String COLUMNS = "id, wallet, name, description, signing_key, payout_endpoint, status, "
            + "registered_at, version";

    private Agents() {
    }

    static void save(Connection c, Agent a) throws SQLException {
        AgentProfile p = a.profile();
        String sql = a.version() == 0
                ? "INSERT INTO agents (wallet, name, description, signing_key, payout_endpoint, status, registered_at, "
                        + "id, version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 1) ON CONFLICT DO NOTHING"
                : "UPDATE agents SET wallet = ?, name = ?, description = ?, signing_key = ?, payout_endpoint = ?, "
                        + "status = ?, registered_at = ?, version = version + 1 WHERE id = ? AND version = ?";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, a.wallet().hex());
            ps.setString(2, Text.column("agent.name", p.name(), 64));
            ps.setString(3, Text.column("agent.description", p.description(), 2000));
            ps.setString(4, p.signingKey());
            ps.setString(5, Text.column("agent.payout_endpoint", p.payoutEndpoint(), 2048));
            ps.setString(6, a.status().name());
            Rows.instant(ps, 7, a.registeredAt());
            ps.setObject(8, a.id().value());
            if (a.version() != 0) {
                ps.setLong(9, a.version());
            }
            if (ps.executeUpdate() == 0) {
                throw new StaleWrite(a.version() == 0 ? "agent " + a.id() + " or wallet " + a.wallet() + " (already registered)"
                        : "agent " + a.id() + " (version " + a.version() + " is no longer current)");
            }
        }
    }

    static Optional<Agent> find(Connection c, String column, Object key) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM agents WHERE " + column + " = ?")) {
            ps.setObject(1, key);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new Agent(new AgentId(Rows.uuid(rs, "id")), new WalletAddress(rs.getString("wallet")),
                        new AgentProfile(rs.getString("name"), rs.getString("description"), rs.getString("signing_key"),
                                rs.getString("payout_endpoint")), AgentStatus.valueOf(rs.getString("status")),
                        Rows.instant(rs, "registered_at"), rs.getLong("version")));
            }
        }
    }
}
