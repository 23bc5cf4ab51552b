package io.moldtank.adapters.persistence;

import static io.moldtank.adapters.persistence.Jdbc.bind;

import io.moldtank.domain.bounty.BountyId;
import io.moldtank.ports.out.queue.QueueConflictException;
import io.moldtank.ports.out.queue.QueuedSubmission;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.UUID;

/**
 * Enqueue for the SQL queue: insert unless the submission or its slot is taken (ON CONFLICT DO
 * NOTHING, one autocommit statement, so nothing is half-written), then tell "same item" (false)
 * from "different item" ({@link QueueConflictException}).
 */
final class SqlEnqueue {

    private SqlEnqueue() {
    }

    /** True when stored; false when this very item is already queued or dead. */
    static boolean enqueue(Connection c, QueuedSubmission item, Instant now) throws SQLException {
        for (int round = 0; round < 5; round++) {
            if (insert(c, item, now)) {
                return true;
            }
            if (existing(c, item)) {
                return false;
            }
            // The row that blocked us is gone again (acked meanwhile): try once more.
        }
        throw new SQLException("enqueue of " + item + " kept racing with acks", "40001");
    }

    private static boolean insert(Connection c, QueuedSubmission item, Instant now) throws SQLException {
        String sql = "INSERT INTO submission_queue (submission_id, bounty_id, sequence_no, enqueued_at, available_at)"
                + " SELECT ?, ?, ?, ?, ? WHERE NOT EXISTS"
                + " (SELECT 1 FROM submission_dead_letter d WHERE d.submission_id = ?) ON CONFLICT DO NOTHING";
        UUID id = item.submissionId().value();
        try (PreparedStatement s = bind(c.prepareStatement(sql), id, item.bountyId().value(), item.sequence(), now, now, id)) {
            return s.executeUpdate() == 1;
        } catch (SQLException e) {
            if (Jdbc.isUniqueViolation(e)) {
                return false;
            }
            throw e;
        }
    }

    /** True when this very item is stored; a conflicting one throws; false when nothing blocks it. */
    private static boolean existing(Connection c, QueuedSubmission item) throws SQLException {
        String byId = "SELECT bounty_id, sequence_no FROM submission_queue WHERE submission_id = ?"
                + " UNION ALL SELECT bounty_id, sequence_no FROM submission_dead_letter WHERE submission_id = ?";
        try (PreparedStatement s = bind(c.prepareStatement(byId), item.submissionId().value(), item.submissionId().value());
             ResultSet rs = s.executeQuery()) {
            if (rs.next()) {
                QueuedSubmission stored = new QueuedSubmission(new BountyId(Jdbc.uuid(rs, "bounty_id")),
                        rs.getLong("sequence_no"), item.submissionId());
                if (!stored.equals(item)) {
                    throw new QueueConflictException("submission " + item.submissionId() + " is queued as " + stored
                            + ", not " + item);
                }
                return true;
            }
        }
        String bySlot = "SELECT submission_id FROM submission_queue WHERE bounty_id = ? AND sequence_no = ?";
        try (PreparedStatement s = bind(c.prepareStatement(bySlot), item.bountyId().value(), item.sequence());
             ResultSet rs = s.executeQuery()) {
            if (rs.next()) {
                throw new QueueConflictException("bounty " + item.bountyId() + " sequence " + item.sequence()
                        + " is held by submission " + Jdbc.uuid(rs, "submission_id"));
            }
        }
        return false;
    }
}
