package io.moldtank.adapters.persistence.storage;

import io.moldtank.domain.job.JobId;
import io.moldtank.domain.job.JobSnapshot;
import io.moldtank.ports.out.storage.PendingJobChecks;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The pending-check queue read from the jobs table's check columns (written with the job by
 * {@link Jobs}). Waiting checks are QUEUED and RUNNING ones; ties in due time go by insertion order.
 */
public final class SqlJobChecks implements PendingJobChecks {
    private static final String WAITING = "check_state IN ('QUEUED', 'RUNNING')";
    private final Db db;

    SqlJobChecks(Db db) {
        this.db = db;
    }

    @Override
    public List<JobId> dueChecks(Instant now, int limit) {
        PendingJobChecks.checkLimit(limit);
        return db.read("list due job checks", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT id FROM jobs WHERE " + WAITING
                    + " AND check_due_at <= ? ORDER BY check_due_at, seq LIMIT ?")) {
                Rows.instant(ps, 1, now);
                ps.setInt(2, limit);
                List<JobId> due = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        due.add(new JobId(Rows.uuid(rs, "id")));
                    }
                }
                return due;
            }
        });
    }

    @Override
    public long waitingChecks() {
        return count("count waiting job checks", WAITING);
    }

    @Override
    public long deadLetteredCount() {
        return count("count dead-lettered job checks", "check_state = 'DEAD_LETTERED'");
    }

    private long count(String operation, String where) {
        return db.read(operation, c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM jobs WHERE " + where);
                 ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    @Override
    public Optional<Instant> oldestWaitingCheck() {
        return db.read("find the oldest waiting job check", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT MIN(check_queued_at) AS oldest FROM jobs WHERE "
                    + WAITING); ResultSet rs = ps.executeQuery()) {
                rs.next();
                return Optional.ofNullable(Rows.instant(rs, "oldest"));
            }
        });
    }

    @Override
    public List<JobSnapshot> deadLetteredChecks(int limit) {
        PendingJobChecks.checkLimit(limit);
        return db.read("list dead-lettered job checks", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + Jobs.COLUMNS + " FROM jobs WHERE check_state = "
                    + "'DEAD_LETTERED' ORDER BY check_queued_at, seq LIMIT ?")) {
                ps.setInt(1, limit);
                List<JobSnapshot> dead = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        dead.add(Jobs.read(rs));
                    }
                }
                return dead;
            }
        });
    }
}
