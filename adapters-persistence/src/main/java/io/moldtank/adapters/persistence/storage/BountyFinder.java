package io.moldtank.adapters.persistence.storage;

import io.moldtank.domain.bounty.BountyId;
import io.moldtank.domain.bounty.BountySnapshot;
import io.moldtank.domain.bounty.BountyStatus;
import io.moldtank.ports.out.storage.BountyQuery;
import io.moldtank.ports.out.storage.Page;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Bounty lists with keyset paging: filters on status, tag and reward range; orders NEWEST
 * (created_at, id descending), REWARD_DESC (reward descending, id ascending) and DEADLINE_ASC
 * (deadline, id ascending). A page never skips or repeats a row, whatever is inserted meanwhile.
 */
final class BountyFinder {
    private BountyFinder() {
    }

    static Page<BountySnapshot> find(Connection c, BountyQuery q) throws SQLException {
        StringBuilder sql = new StringBuilder("SELECT " + Bounties.COLUMNS + " FROM bounties b WHERE 1 = 1");
        List<Binder> binds = new ArrayList<>();
        if (q.status() != null) {
            sql.append(" AND b.status = ?");
            binds.add((ps, i) -> ps.setString(i, q.status().name()));
        }
        if (q.tag() != null) {
            sql.append(" AND EXISTS (SELECT 1 FROM bounty_tags t WHERE t.bounty_id = b.id AND t.tag = ?)");
            binds.add((ps, i) -> ps.setString(i, q.tag()));
        }
        if (q.minReward() != null) {
            sql.append(" AND b.reward_units >= ?");
            binds.add((ps, i) -> ps.setLong(i, q.minReward().units()));
        }
        if (q.maxReward() != null) {
            sql.append(" AND b.reward_units <= ?");
            binds.add((ps, i) -> ps.setLong(i, q.maxReward().units()));
        }
        if (q.after() != null) {
            after(q.sort(), q.after(), sql, binds);
        }
        sql.append(switch (q.sort()) {
            case NEWEST -> " ORDER BY b.created_at DESC, b.id DESC";
            case REWARD_DESC -> " ORDER BY b.reward_units DESC, b.id ASC";
            case DEADLINE_ASC -> " ORDER BY b.deadline ASC, b.id ASC";
        }).append(" LIMIT ?");
        binds.add((ps, i) -> ps.setInt(i, q.limit() + 1));

        List<BountySnapshot> found;
        try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
            for (int i = 0; i < binds.size(); i++) {
                binds.get(i).bind(ps, i + 1);
            }
            try (ResultSet rs = ps.executeQuery()) {
                found = Bounties.complete(c, rs);
            }
        }
        if (found.size() <= q.limit()) {
            return new Page<>(found, null);
        }
        List<BountySnapshot> items = found.subList(0, q.limit());
        return new Page<>(items, cursor(q.sort(), items.getLast()));
    }

    private static void after(BountyQuery.Sort sort, String cursor, StringBuilder sql, List<Binder> binds) {
        List<String> keys = Cursor.decode(cursor, sort.name(), 2);
        UUID id;
        try {
            id = UUID.fromString(keys.get(1));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("malformed cursor");
        }
        switch (sort) {
            case NEWEST -> {
                Instant at = instant(keys.getFirst());
                sql.append(" AND (b.created_at < ? OR (b.created_at = ? AND b.id < ?))");
                binds.add((ps, i) -> Rows.instant(ps, i, at));
                binds.add((ps, i) -> Rows.instant(ps, i, at));
            }
            case REWARD_DESC -> {
                long units = number(keys.getFirst());
                sql.append(" AND (b.reward_units < ? OR (b.reward_units = ? AND b.id > ?))");
                binds.add((ps, i) -> ps.setLong(i, units));
                binds.add((ps, i) -> ps.setLong(i, units));
            }
            case DEADLINE_ASC -> {
                Instant at = instant(keys.getFirst());
                sql.append(" AND (b.deadline > ? OR (b.deadline = ? AND b.id > ?))");
                binds.add((ps, i) -> Rows.instant(ps, i, at));
                binds.add((ps, i) -> Rows.instant(ps, i, at));
            }
        }
        binds.add((ps, i) -> ps.setObject(i, id));
    }

    private static String cursor(BountyQuery.Sort sort, BountySnapshot last) {
        String key = switch (sort) {
            case NEWEST -> last.createdAt().toString();
            case REWARD_DESC -> Long.toString(last.terms().reward().units());
            case DEADLINE_ASC -> last.terms().deadline().toString();
        };
        return Cursor.encode(sort.name(), key, last.id().toString());
    }

    static List<BountyId> openPastDeadline(Connection c, Instant now, int limit) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT id FROM bounties WHERE status = ? AND deadline <= ? "
                + "ORDER BY deadline, id LIMIT ?")) {
            ps.setString(1, BountyStatus.OPEN.name());
            Rows.instant(ps, 2, now);
            ps.setInt(3, limit);
            List<BountyId> ids = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(new BountyId(Rows.uuid(rs, "id")));
                }
            }
            return ids;
        }
    }

    private static Instant instant(String key) {
        try {
            return Instant.parse(key);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("malformed cursor");
        }
    }

    private static long number(String key) {
        try {
            return Long.parseLong(key);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("malformed cursor");
        }
    }

    @FunctionalInterface
    private interface Binder {
        void bind(PreparedStatement ps, int index) throws SQLException;
    }
}
