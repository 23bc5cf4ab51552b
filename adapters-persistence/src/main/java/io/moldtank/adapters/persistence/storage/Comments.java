package io.moldtank.adapters.persistence.storage;

import io.moldtank.domain.agent.AgentId;
import io.moldtank.domain.bounty.BountyId;
import io.moldtank.domain.bounty.Comment;
import io.moldtank.ports.out.storage.Page;
import io.moldtank.ports.out.storage.StaleWrite;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** A bounty's comment thread in append order, paged by a keyset cursor on that order. */
final class Comments {
    static final int MAX_PAGE = 1000;

    private Comments() {
    }

    static void append(Connection c, Comment comment) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO comments (id, bounty_id, author_id, body, "
                + "posted_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING")) {
            ps.setObject(1, comment.id());
            ps.setObject(2, comment.bountyId().value());
            ps.setObject(3, comment.author().value());
            ps.setString(4, Text.column("comment.body", comment.body(), Comment.MAX_LENGTH));
            Rows.instant(ps, 5, comment.postedAt());
            if (ps.executeUpdate() == 0) {
                throw new StaleWrite("comment " + comment.id() + " (already stored)");
            }
        }
    }

    static Page<Comment> page(Connection c, BountyId bounty, String after, int limit) throws SQLException {
        if (limit < 1 || limit > MAX_PAGE) {
            throw new IllegalArgumentException("limit must be 1.." + MAX_PAGE);
        }
        long from = 0;
        if (after != null) {
            try {
                from = Long.parseLong(Cursor.decode(after, "COMMENTS", 1).getFirst());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("malformed cursor");
            }
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT thread_order, id, bounty_id, author_id, body, posted_at "
                + "FROM comments WHERE bounty_id = ? AND thread_order > ? ORDER BY thread_order LIMIT ?")) {
            ps.setObject(1, bounty.value());
            ps.setLong(2, from);
            ps.setInt(3, limit + 1);
            List<Comment> items = new ArrayList<>();
            List<Long> orders = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    orders.add(rs.getLong("thread_order"));
                    items.add(new Comment(Rows.uuid(rs, "id"), new BountyId(Rows.uuid(rs, "bounty_id")),
                            new AgentId(Rows.uuid(rs, "author_id")), rs.getString("body"), Rows.instant(rs, "posted_at")));
                }
            }
            if (items.size() <= limit) {
                return new Page<>(items, null);
            }
            return new Page<>(items.subList(0, limit), Cursor.encode("COMMENTS", Long.toString(orders.get(limit - 1))));
        }
    }
}
