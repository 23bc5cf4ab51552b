package io.moldtank.adapters.persistence.storage;

import io.moldtank.domain.agent.AgentId;
import io.moldtank.domain.bounty.*;
import io.moldtank.domain.money.Usdc;
import io.moldtank.domain.validation.QuorumPolicy;
import io.moldtank.ports.out.storage.StaleWrite;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.*;

/**
 * Bounties: one row each, their tags and their submission slots. The terms (title … quorum) are
 * immutable once drafted, so an update writes only the lifecycle columns and new or changed slots.
 */
final class Bounties {
    static final String COLUMNS = "b.id, b.poster_id, b.title, b.description, b.reward_units, b.deadline, "
            + "b.acceptance, b.quorum_required, b.quorum_validators, b.created_at, b.status, b.deposited_units, "
            + "b.deposit_tx, b.winner_submission_id, b.payout_tx, b.version";

    private Bounties() {
    }

    static void save(Connection c, BountySnapshot b) throws SQLException {
        if (b.version() == 0) {
            insert(c, b);
        } else {
            update(c, b);
        }
        if (b.depositTx() != null) {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO escrow_deposits (bounty_id, amount_units, "
                    + "tx_hash) VALUES (?, ?, ?) ON CONFLICT DO NOTHING")) {
                ps.setObject(1, b.id().value());
                ps.setLong(2, b.deposited().units());
                ps.setString(3, b.depositTx());
                ps.executeUpdate();
            }
        }
    }

    private static void insert(Connection c, BountySnapshot b) throws SQLException {
        BountyTerms t = b.terms();
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO bounties (id, poster_id, title, description, "
                + "reward_units, deadline, acceptance, quorum_required, quorum_validators, created_at, status, "
                + "deposited_units, deposit_tx, winner_submission_id, payout_tx, version) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1) ON CONFLICT DO NOTHING")) {
            ps.setObject(1, b.id().value());
            ps.setObject(2, b.poster().value());
            ps.setString(3, Text.column("bounty.title", t.title(), 200));
            ps.setString(4, Text.column("bounty.description", t.description(), 20_000));
            ps.setLong(5, t.reward().units());
            Rows.instant(ps, 6, t.deadline());
            ps.setString(7, Json.acceptance(t.acceptance()));
            ps.setInt(8, t.quorum().required());
            ps.setInt(9, t.quorum().validators());
            Rows.instant(ps, 10, b.createdAt());
            ps.setString(11, b.status().name());
            ps.setLong(12, b.deposited().units());
            ps.setString(13, Text.column("bounty.deposit_tx", b.depositTx(), 200));
            Rows.uuid(ps, 14, b.winner() == null ? null : b.winner().value());
            ps.setString(15, Text.column("bounty.payout_tx", b.payoutTx(), 200));
            if (ps.executeUpdate() == 0) {
                throw new StaleWrite("bounty " + b.id() + " (already stored)");
            }
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO bounty_tags (bounty_id, tag) VALUES (?, ?)")) {
            for (String tag : t.tags()) {
                ps.setObject(1, b.id().value());
                ps.setString(2, tag);
                ps.addBatch();
            }
            ps.executeBatch();
        }
        insertSlots(c, b.id(), b.slots());
    }

    private static void update(Connection c, BountySnapshot b) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE bounties SET status = ?, deposited_units = ?, "
                + "deposit_tx = ?, winner_submission_id = ?, payout_tx = ?, version = version + 1 "
                + "WHERE id = ? AND version = ?")) {
            ps.setString(1, b.status().name());
            ps.setLong(2, b.deposited().units());
            ps.setString(3, Text.column("bounty.deposit_tx", b.depositTx(), 200));
            Rows.uuid(ps, 4, b.winner() == null ? null : b.winner().value());
            ps.setString(5, Text.column("bounty.payout_tx", b.payoutTx(), 200));
            ps.setObject(6, b.id().value());
            ps.setLong(7, b.version());
            if (ps.executeUpdate() == 0) {
                throw new StaleWrite("bounty " + b.id() + " (version " + b.version() + " is no longer current)");
            }
        }
        Map<Long, Standing> stored = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT sequence_no, standing FROM bounty_slots WHERE bounty_id = ?")) {
            ps.setObject(1, b.id().value());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    stored.put(rs.getLong(1), Standing.valueOf(rs.getString(2)));
                }
            }
        }
        insertSlots(c, b.id(), b.slots().stream().filter(s -> !stored.containsKey(s.sequence())).toList());
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE bounty_slots SET standing = ? WHERE bounty_id = ? AND sequence_no = ?")) {
            for (SubmissionSlot s : b.slots()) {
                Standing was = stored.get(s.sequence());
                if (was != null && was != s.standing()) {
                    ps.setString(1, s.standing().name());
                    ps.setObject(2, b.id().value());
                    ps.setLong(3, s.sequence());
                    ps.addBatch();
                }
            }
            ps.executeBatch();
        }
    }

    private static void insertSlots(Connection c, BountyId bounty, List<SubmissionSlot> slots) throws SQLException {
        if (slots.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO bounty_slots (bounty_id, sequence_no, "
                + "submission_id, agent_id, content_hash, received_at, standing) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            for (SubmissionSlot s : slots) {
                ps.setObject(1, bounty.value());
                ps.setLong(2, s.sequence());
                ps.setObject(3, s.submissionId().value());
                ps.setObject(4, s.agent().value());
                ps.setString(5, s.contentHash().hex());
                Rows.instant(ps, 6, s.receivedAt());
                ps.setString(7, s.standing().name());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    static Optional<BountySnapshot> load(Connection c, BountyId id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM bounties b WHERE b.id = ?")) {
            ps.setObject(1, id.value());
            try (ResultSet rs = ps.executeQuery()) {
                List<BountySnapshot> found = complete(c, rs);
                return found.stream().findFirst();
            }
        }
    }

    /** The bounties with these ids, complete, in no particular order. */
    static List<BountySnapshot> loadAll(Connection c, List<UUID> ids) throws SQLException {
        if (ids.isEmpty()) {
            return List.of();
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM bounties b WHERE b.id IN ("
                + Rows.placeholders(ids.size()) + ")")) {
            Rows.bindUuids(ps, 1, ids);
            try (ResultSet rs = ps.executeQuery()) {
                return complete(c, rs);
            }
        }
    }

    /** Reads every row of {@code rs} (selected with {@link #COLUMNS}), then their tags and slots. */
    static List<BountySnapshot> complete(Connection c, ResultSet rs) throws SQLException {
        List<UUID> order = new ArrayList<>();
        Map<UUID, Row> rows = new HashMap<>();
        while (rs.next()) {
            Row row = Row.read(rs);
            order.add(row.id);
            rows.put(row.id, row);
        }
        if (order.isEmpty()) {
            return List.of();
        }
        String in = Rows.placeholders(order.size());
        try (PreparedStatement ps = c.prepareStatement("SELECT bounty_id, tag FROM bounty_tags WHERE bounty_id IN ("
                + in + ")")) {
            Rows.bindUuids(ps, 1, order);
            try (ResultSet t = ps.executeQuery()) {
                while (t.next()) {
                    rows.get(Rows.uuid(t, "bounty_id")).tags.add(t.getString("tag"));
                }
            }
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT bounty_id, sequence_no, submission_id, agent_id, "
                + "content_hash, received_at, standing FROM bounty_slots WHERE bounty_id IN (" + in + ") "
                + "ORDER BY bounty_id, sequence_no")) {
            Rows.bindUuids(ps, 1, order);
            try (ResultSet s = ps.executeQuery()) {
                while (s.next()) {
                    rows.get(Rows.uuid(s, "bounty_id")).slots.add(new SubmissionSlot(s.getLong("sequence_no"),
                            new SubmissionId(Rows.uuid(s, "submission_id")), new AgentId(Rows.uuid(s, "agent_id")),
                            new ContentHash(s.getString("content_hash")), Rows.instant(s, "received_at"),
                            Standing.valueOf(s.getString("standing"))));
                }
            }
        }
        return order.stream().map(id -> rows.get(id).snapshot()).toList();
    }

    /** One bounties row while its tags and slots are gathered. */
    private record Row(UUID id, AgentId poster, String title, String description, Usdc reward,
                       java.time.Instant deadline, Acceptance acceptance, QuorumPolicy quorum,
                       java.time.Instant createdAt, BountyStatus status, Usdc deposited, String depositTx,
                       SubmissionId winner, String payoutTx, long version, Set<String> tags,
                       List<SubmissionSlot> slots) {

        static Row read(ResultSet rs) throws SQLException {
            UUID winner = Rows.uuid(rs, "winner_submission_id");
            return new Row(Rows.uuid(rs, "id"), new AgentId(Rows.uuid(rs, "poster_id")), rs.getString("title"),
                    rs.getString("description"), Usdc.ofUnits(rs.getLong("reward_units")),
                    Rows.instant(rs, "deadline"), Json.acceptance(rs.getString("acceptance")),
                    new QuorumPolicy(rs.getInt("quorum_required"), rs.getInt("quorum_validators")),
                    Rows.instant(rs, "created_at"), BountyStatus.valueOf(rs.getString("status")),
                    Usdc.ofUnits(rs.getLong("deposited_units")), rs.getString("deposit_tx"),
                    winner == null ? null : new SubmissionId(winner), rs.getString("payout_tx"),
                    rs.getLong("version"), new HashSet<>(), new ArrayList<>());
        }

        BountySnapshot snapshot() {
            return new BountySnapshot(new BountyId(id), poster, new BountyTerms(title, description, reward, deadline,
                    tags, acceptance, quorum), createdAt, status, deposited, depositTx, slots,
                    winner, payoutTx, version);
        }
    }
}
