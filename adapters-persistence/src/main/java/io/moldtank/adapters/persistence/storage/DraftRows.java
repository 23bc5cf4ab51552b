package io.moldtank.adapters.persistence.storage;

import io.moldtank.domain.bounty.BountyId;
import io.moldtank.domain.money.Usdc;
import io.moldtank.domain.scraper.Fingerprint;
import io.moldtank.domain.scraper.ScrapedDraft;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;

/** scraped_drafts: inserted once (unique post and fingerprint), decided by a status-checked update. */
final class DraftRows {
    static final String COLUMNS = "id, source_post_id, fingerprint, simhash, title, description, reward_units, tags, "
            + "source_url, score, status, bounty_id, created_at, decided_by, decided_at, note";

    private DraftRows() {
    }

    static boolean add(Connection c, ScrapedDraft d) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO scraped_drafts (" + COLUMNS + ") VALUES "
                + "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING")) {
            ps.setObject(1, d.id());
            ps.setString(2, Text.column("draft.source_post_id", d.sourcePostId(), 100));
            ps.setString(3, d.fingerprint().exact());
            ps.setLong(4, d.fingerprint().simhash());
            ps.setString(5, Text.column("draft.title", d.title(), 200));
            ps.setString(6, Text.column("draft.description", d.description(), 20_000));
            ps.setLong(7, d.reward().units());
            ps.setString(8, String.join(",", d.tags()));
            ps.setString(9, Text.column("draft.source_url", d.sourceUrl(), 2048));
            ps.setDouble(10, d.score());
            bindDecision(ps, 11, d);
            Rows.instant(ps, 13, d.createdAt());
            ps.setString(14, d.decidedBy());
            Rows.instant(ps, 15, d.decidedAt());
            ps.setString(16, d.note());
            return ps.executeUpdate() == 1;
        }
    }

    static boolean decide(Connection c, ScrapedDraft d) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE scraped_drafts SET status = ?, bounty_id = ?, "
                + "decided_by = ?, decided_at = ?, note = ? WHERE id = ? AND status = 'PENDING'")) {
            bindDecision(ps, 1, d);
            ps.setString(3, Text.column("draft.decided_by", d.decidedBy(), 200));
            Rows.instant(ps, 4, d.decidedAt());
            ps.setString(5, Text.column("draft.note", d.note(), 2000));
            ps.setObject(6, d.id());
            return ps.executeUpdate() == 1;
        }
    }

    private static void bindDecision(PreparedStatement ps, int from, ScrapedDraft d) throws SQLException {
        ps.setString(from, d.status().name());
        ps.setObject(from + 1, d.bountyId() == null ? null : d.bountyId().value());
    }

    static List<ScrapedDraft> select(Connection c, String where, Object... params) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM scraped_drafts WHERE " + where)) {
            for (int i = 0; i < params.length; i++) {
                if (params[i] instanceof java.time.Instant t) {
                    Rows.instant(ps, i + 1, t);
                } else {
                    ps.setObject(i + 1, params[i]);
                }
            }
            List<ScrapedDraft> found = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    found.add(read(rs));
                }
            }
            return found;
        }
    }

    private static ScrapedDraft read(ResultSet rs) throws SQLException {
        UUID bounty = rs.getObject("bounty_id", UUID.class);
        String tags = rs.getString("tags");
        return new ScrapedDraft(Rows.uuid(rs, "id"), rs.getString("source_post_id"),
                new Fingerprint(rs.getString("fingerprint"), rs.getLong("simhash")), rs.getString("title"),
                rs.getString("description"), Usdc.ofUnits(rs.getLong("reward_units")),
                tags.isEmpty() ? java.util.Set.of() : new LinkedHashSet<>(Arrays.asList(tags.split(","))),
                rs.getString("source_url"), rs.getDouble("score"), ScrapedDraft.Status.valueOf(rs.getString("status")),
                bounty == null ? null : new BountyId(bounty), Rows.instant(rs, "created_at"), rs.getString("decided_by"),
                Rows.instant(rs, "decided_at"), rs.getString("note"));
    }
}
