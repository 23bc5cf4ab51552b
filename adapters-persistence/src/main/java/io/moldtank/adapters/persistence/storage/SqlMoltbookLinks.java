package io.moldtank.adapters.persistence.storage;

import io.moldtank.domain.agent.AgentId;
import io.moldtank.domain.moltbook.MoltbookIdentity;
import io.moldtank.domain.moltbook.MoltbookLink;
import io.moldtank.ports.out.moltbook.MoltbookLinks;
import io.moldtank.ports.out.storage.StaleWrite;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/** Agents' Moltbook identities on the same database as {@link SqlStorage}; the name is unique in the table. */
public final class SqlMoltbookLinks implements MoltbookLinks {
    private final Db db;

    SqlMoltbookLinks(Db db) {
        this.db = db;
    }

    @Override
    public boolean save(MoltbookLink link) {
        try {
            return db.write("link moltbook " + link.agent(), c -> {
                Optional<MoltbookLink> holder = select(c, "moltbook_name", link.identity().name());
                if (holder.isPresent() && !holder.get().agent().equals(link.agent())) {
                    return false;
                }
                try (PreparedStatement ps = c.prepareStatement("UPDATE moltbook_links SET moltbook_name = ?,"
                        + " display_name = ?, karma = ?, claimed = ?, owner_handle = ?, verified_at = ? WHERE agent_id = ?")) {
                    if (bind(ps, link).executeUpdate() == 1) {
                        return true;
                    }
                }
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO moltbook_links (moltbook_name, display_name,"
                        + " karma, claimed, owner_handle, verified_at, agent_id) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                    bind(ps, link).executeUpdate();
                }
                return true;
            });
        } catch (StaleWrite raced) {
            return false; // another agent took the name between the check and the write
        }
    }

    private static PreparedStatement bind(PreparedStatement ps, MoltbookLink l) throws SQLException {
        MoltbookIdentity i = l.identity();
        ps.setString(1, i.name());
        ps.setString(2, i.displayName());
        ps.setLong(3, i.karma());
        ps.setBoolean(4, i.claimed());
        ps.setString(5, i.ownerHandle());
        Rows.instant(ps, 6, l.verifiedAt());
        Rows.uuid(ps, 7, l.agent().value());
        return ps;
    }

    @Override
    public Optional<MoltbookLink> linkOf(AgentId agent) {
        return db.read("load moltbook link " + agent, c -> select(c, "agent_id", agent.value()));
    }

    @Override
    public Optional<MoltbookLink> byName(String moltbookName) {
        return db.read("find moltbook link", c -> select(c, "moltbook_name", moltbookName));
    }

    private static Optional<MoltbookLink> select(java.sql.Connection c, String column, Object value)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT * FROM moltbook_links WHERE " + column + " = ?")) {
            ps.setObject(1, value);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new MoltbookLink(new AgentId(Rows.uuid(rs, "agent_id")), new MoltbookIdentity(
                        rs.getString("moltbook_name"), rs.getString("display_name"), rs.getLong("karma"),
                        rs.getBoolean("claimed"), rs.getString("owner_handle")), Rows.instant(rs, "verified_at")));
            }
        }
    }
}
