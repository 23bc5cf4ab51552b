package io.moldtank.adapters.persistence.storage;

import io.moldtank.domain.scraper.ScraperRun;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** scraper_runs: one row per finished run. */
final class RunRows {
    private static final String COLUMNS = "id, slot, on_demand, started_at, finished_at, outcome, posts_seen, candidates, "
            + "drafts_created, rate_limited, errors, high_water, node";

    private RunRows() {
    }

    static void record(Connection c, ScraperRun r) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO scraper_runs (" + COLUMNS + ") VALUES "
                + "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setObject(1, r.id());
            Rows.instant(ps, 2, r.slot());
            ps.setBoolean(3, r.onDemand());
            Rows.instant(ps, 4, r.startedAt());
            Rows.instant(ps, 5, r.finishedAt());
            ps.setString(6, r.outcome().name());
            ps.setInt(7, r.postsSeen());
            ps.setInt(8, r.candidates());
            ps.setInt(9, r.draftsCreated());
            ps.setInt(10, r.rateLimited());
            String errors = String.join("\n", r.errors());
            ps.setString(11, errors.length() > 8000 ? errors.substring(0, 8000) : errors);
            Rows.instant(ps, 12, r.highWater());
            ps.setString(13, Text.column("run.node", r.node(), 200));
            ps.executeUpdate();
        }
    }

    static List<ScraperRun> newest(Connection c, int limit) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS
                + " FROM scraper_runs ORDER BY finished_at DESC, id DESC LIMIT ?")) {
            ps.setInt(1, limit);
            List<ScraperRun> runs = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String errors = rs.getString("errors");
                    runs.add(new ScraperRun(Rows.uuid(rs, "id"), Rows.instant(rs, "slot"), rs.getBoolean("on_demand"),
                            Rows.instant(rs, "started_at"), Rows.instant(rs, "finished_at"),
                            ScraperRun.Outcome.valueOf(rs.getString("outcome")), rs.getInt("posts_seen"),
                            rs.getInt("candidates"), rs.getInt("drafts_created"), rs.getInt("rate_limited"),
                            errors.isEmpty() ? List.of() : Arrays.asList(errors.split("\n")),
                            Rows.instant(rs, "high_water"), rs.getString("node")));
                }
            }
            return runs;
        }
    }

    static Optional<Instant> highWater(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT high_water FROM scraper_runs WHERE high_water IS NOT NULL "
                + "ORDER BY finished_at DESC, id DESC LIMIT 1"); ResultSet rs = ps.executeQuery()) {
            return rs.next() ? Optional.ofNullable(Rows.instant(rs, "high_water")) : Optional.empty();
        }
    }

    static boolean slotDone(Connection c, Instant slot) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT COUNT(*) FROM scraper_runs WHERE slot = ? AND on_demand = FALSE")) {
            Rows.instant(ps, 1, slot);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1) > 0;
            }
        }
    }
}
