package io.moldtank.adapters.persistence;

import static io.moldtank.adapters.persistence.Jdbc.bind;

import io.moldtank.domain.bounty.BountyId;
import io.moldtank.domain.bounty.SubmissionId;
import io.moldtank.ports.out.queue.DeadLetter;
import io.moldtank.ports.out.queue.QueuedSubmission;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/** The SQL queue's dead letters: moving an item there, sweeping lapsed last attempts, listing. */
final class SqlDeadLetters {

    private static final String SWEEP_EXHAUSTED = "SELECT id, worker_id FROM submission_queue"
            + " WHERE lease_until <= ? AND attempts >= ? ORDER BY id LIMIT 100 FOR UPDATE SKIP LOCKED";
    private static final String DEAD_FROM_QUEUE = "INSERT INTO submission_dead_letter"
            + " (submission_id, bounty_id, sequence_no, attempts, last_error, enqueued_at, dead_at, queue_id)"
            + " SELECT submission_id, bounty_id, sequence_no, attempts, ?, enqueued_at, ?, id FROM submission_queue WHERE id = ?";

    private final DataSource dataSource;
    private final int maxAttempts;

    SqlDeadLetters(DataSource dataSource, int maxAttempts) {
        this.dataSource = dataSource;
        this.maxAttempts = maxAttempts;
    }

    /** Moves queue row {@code id} to the dead letters, in the caller's transaction. */
    static void move(Connection c, long id, String error, Instant now) throws SQLException {
        try (PreparedStatement s = bind(c.prepareStatement(DEAD_FROM_QUEUE), error, now, id)) {
            s.executeUpdate();
        }
        try (PreparedStatement s = bind(c.prepareStatement("DELETE FROM submission_queue WHERE id = ?"), id)) {
            s.executeUpdate();
        }
    }

    List<DeadLetter> list(int limit) {
        String sql = "SELECT submission_id, bounty_id, sequence_no, attempts, last_error, dead_at"
                + " FROM submission_dead_letter ORDER BY dead_at, queue_id LIMIT ?";
        return Jdbc.autocommit(dataSource, "deadLetters", c -> {
            List<DeadLetter> dead = new ArrayList<>();
            try (PreparedStatement s = bind(c.prepareStatement(sql), Math.max(0, limit)); ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    QueuedSubmission item = new QueuedSubmission(new BountyId(Jdbc.uuid(rs, "bounty_id")),
                            rs.getLong("sequence_no"), new SubmissionId(Jdbc.uuid(rs, "submission_id")));
                    dead.add(new DeadLetter(item, rs.getInt("attempts"), rs.getString("last_error"), Jdbc.instant(rs, "dead_at")));
                }
            }
            return dead;
        });
    }

    /** Items whose last allowed lease lapsed move to the dead letters. */
    void sweep(Instant now) {
        Jdbc.transaction(dataSource, "dead-letter sweep", c -> {
            List<Long> ids = new ArrayList<>();
            List<String> workers = new ArrayList<>();
            try (PreparedStatement s = bind(c.prepareStatement(SWEEP_EXHAUSTED), now, maxAttempts); ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getLong("id"));
                    workers.add(rs.getString("worker_id"));
                }
            }
            for (int i = 0; i < ids.size(); i++) {
                move(c, ids.get(i), "lease expired (worker " + workers.get(i) + ")", now);
            }
            return ids.size();
        });
    }
}
