package io.moldtank.adapters.persistence.storage;

import io.moldtank.domain.agent.AgentId;
import io.moldtank.domain.job.JobId;
import io.moldtank.domain.review.Review;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Reviews, one per reviewer per job: the unique constraint settles concurrent posts. */
final class Reviews {
    private Reviews() {
    }

    /** False, and nothing written, when this reviewer already reviewed this job. */
    static boolean add(Connection c, Review r) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO reviews (id, job_id, reviewer_id, subject_id, "
                + "rating, body, created_at) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING")) {
            ps.setObject(1, r.id());
            ps.setObject(2, r.jobId().value());
            ps.setObject(3, r.reviewer().value());
            ps.setObject(4, r.subject().value());
            ps.setInt(5, r.rating());
            ps.setString(6, Text.column("review.text", r.text(), 2000));
            Rows.instant(ps, 7, r.at());
            return ps.executeUpdate() == 1;
        }
    }

    static List<Review> of(Connection c, AgentId subject, int limit) throws SQLException {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1");
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT id, job_id, reviewer_id, subject_id, rating, body, "
                + "created_at FROM reviews WHERE subject_id = ? ORDER BY created_at DESC, id LIMIT ?")) {
            ps.setObject(1, subject.value());
            ps.setInt(2, limit);
            List<Review> found = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    found.add(new Review(Rows.uuid(rs, "id"), new JobId(Rows.uuid(rs, "job_id")),
                            new AgentId(Rows.uuid(rs, "reviewer_id")), new AgentId(Rows.uuid(rs, "subject_id")),
                            rs.getInt("rating"), rs.getString("body"), Rows.instant(rs, "created_at")));
                }
            }
            return found;
        }
    }
}
