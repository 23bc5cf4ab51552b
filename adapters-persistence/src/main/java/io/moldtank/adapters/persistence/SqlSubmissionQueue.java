package io.moldtank.adapters.persistence;

import static io.moldtank.adapters.persistence.Jdbc.bind;

import io.moldtank.domain.bounty.BountyId;
import io.moldtank.domain.bounty.SubmissionId;
import io.moldtank.ports.out.queue.DeadLetter;
import io.moldtank.ports.out.queue.QueueClaim;
import io.moldtank.ports.out.queue.QueuedSubmission;
import io.moldtank.ports.out.queue.SubmissionQueue;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import javax.sql.DataSource;

/**
 * The submission queue in SQL (PostgreSQL, or H2 in PostgreSQL mode), tables from V1__submission_queue.sql.
 *
 * <p>Plain JDBC over the Hikari pool rather than Helidon DbClient: the claim, the fail path and
 * the dead-letter sweep need explicit control of one connection's transaction and of SQLState
 * (unique violations), H2 needs a different claim than PostgreSQL, and LISTEN/NOTIFY needs the
 * driver's own connection. The statements are few and live beside the code that runs them.
 */
final class SqlSubmissionQueue implements SubmissionQueue {

    private final DataSource dataSource;
    private final SqlDialect dialect;
    private final Clock clock;
    private final int maxAttempts;
    private final Wakeups wakeups;
    private final ReentrantLock h2ClaimLock;
    private final SqlDeadLetters deadLetters;
    private final AtomicLong lastSweepMillis = new AtomicLong();

    SqlSubmissionQueue(DataSource dataSource, SqlDialect dialect, Clock clock, int maxAttempts, Wakeups wakeups,
                       ReentrantLock h2ClaimLock) {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1");
        }
        this.dataSource = dataSource;
        this.dialect = dialect;
        this.clock = clock;
        this.maxAttempts = maxAttempts;
        this.wakeups = wakeups;
        this.h2ClaimLock = h2ClaimLock;
        this.deadLetters = new SqlDeadLetters(dataSource, maxAttempts);
    }

    @Override
    public boolean enqueue(QueuedSubmission item) {
        Instant now = clock.instant();
        boolean added = Jdbc.autocommit(dataSource, "enqueue", c -> SqlEnqueue.enqueue(c, item, now));
        if (added) {
            wakeups.signal();
        }
        return added;
    }

    @Override
    public Optional<QueueClaim> claim(String workerId, Duration lease) {
        SubmissionQueue.checkWorkerId(workerId);
        SubmissionQueue.checkDuration("lease", lease, false);
        Instant now = Jdbc.micros(clock.instant());
        sweepNowAndThen(now);
        String token = CallTokens.next();
        Instant leaseUntil = Jdbc.micros(now.plus(lease));
        Optional<Row> row;
        if (dialect == SqlDialect.POSTGRES) {
            row = Jdbc.autocommit(dataSource, "claim", c -> claimPostgres(c, token, workerId, leaseUntil, now));
        } else {
            // Under concurrent claimers H2's ORDER BY ... LIMIT 1 FOR UPDATE SKIP LOCKED handed
            // items out far out of line (the contract's eight-worker test caught it). An H2
            // database belongs to one process (file lock), so claims on it are serialised
            // in-process instead; its row locks still guard ack, fail and the sweep.
            h2ClaimLock.lock();
            try {
                row = Jdbc.transaction(dataSource, "claim", c -> claimH2(c, token, workerId, leaseUntil, now));
            } finally {
                h2ClaimLock.unlock();
            }
        }
        return row.map(r -> new QueueClaim(r.item, workerId, token, r.attempts, leaseUntil));
    }

    private Optional<Row> claimPostgres(Connection c, String token, String worker, Instant until, Instant now)
            throws SQLException {
        try (PreparedStatement s = bind(c.prepareStatement(SqlDialect.POSTGRES_CLAIM), token, worker, until,
                now, now, maxAttempts, now, now, maxAttempts)) {
            return readRow(s);
        }
    }

    private Optional<Row> claimH2(Connection c, String token, String worker, Instant until, Instant now) throws SQLException {
        UUID bounty;
        try (PreparedStatement s = bind(c.prepareStatement(SqlDialect.H2_HEAD), now, now, maxAttempts);
             ResultSet rs = s.executeQuery()) {
            if (!rs.next()) {
                return Optional.empty();
            }
            bounty = Jdbc.uuid(rs, "bounty_id");
        }
        long id;
        try (PreparedStatement s = bind(c.prepareStatement(SqlDialect.H2_PICK), bounty, now, now, maxAttempts);
             ResultSet rs = s.executeQuery()) {
            if (!rs.next()) {
                return Optional.empty();
            }
            id = rs.getLong("id");
        }
        try (PreparedStatement s = bind(c.prepareStatement(SqlDialect.H2_LEASE), token, worker, until, id,
                now, now, maxAttempts)) {
            if (s.executeUpdate() != 1) {
                return Optional.empty();
            }
        }
        try (PreparedStatement s = bind(c.prepareStatement(SqlDialect.H2_READ), id)) {
            return readRow(s);
        }
    }

    private static Optional<Row> readRow(PreparedStatement s) throws SQLException {
        try (ResultSet rs = s.executeQuery()) {
            if (!rs.next()) {
                return Optional.empty();
            }
            QueuedSubmission item = new QueuedSubmission(new BountyId(Jdbc.uuid(rs, "bounty_id")), rs.getLong("sequence_no"),
                    new SubmissionId(Jdbc.uuid(rs, "submission_id")));
            return Optional.of(new Row(item, rs.getInt("attempts")));
        }
    }

    @Override
    public Optional<QueueClaim> claim(String workerId, Duration lease, Duration maxWait) {
        return wakeups.waitFor(() -> claim(workerId, lease), maxWait);
    }

    @Override
    public Outcome ack(QueueClaim claim) {
        return Jdbc.autocommit(dataSource, "ack", c -> ack(c, claim));
    }

    private static Outcome ack(Connection c, QueueClaim claim) throws SQLException {
        String sql = "DELETE FROM submission_queue WHERE submission_id = ? AND lease_token = ?";
        try (PreparedStatement s = bind(c.prepareStatement(sql), claim.item().submissionId().value(), claim.token())) {
            return s.executeUpdate() == 1 ? Outcome.ACKED : Outcome.LEASE_LOST;
        }
    }

    /** On PostgreSQL the ack and the next claim share one transaction: one commit (one WAL flush) per item. */
    @Override
    public Handoff ackAndClaim(QueueClaim done, Duration lease) {
        if (dialect != SqlDialect.POSTGRES) {
            return SubmissionQueue.super.ackAndClaim(done, lease);
        }
        SubmissionQueue.checkDuration("lease", lease, false);
        Instant now = Jdbc.micros(clock.instant());
        sweepNowAndThen(now);
        String token = CallTokens.next();
        Instant leaseUntil = Jdbc.micros(now.plus(lease));
        String worker = done.workerId();
        return Jdbc.transaction(dataSource, "ackAndClaim", c -> {
            Outcome acked = ack(c, done);
            Optional<Row> row = claimPostgres(c, token, worker, leaseUntil, now);
            return new Handoff(acked, row.map(r -> new QueueClaim(r.item, worker, token, r.attempts, leaseUntil)));
        });
    }

    @Override
    public Outcome fail(QueueClaim claim, String reason, Duration retryAfter) {
        SubmissionQueue.checkDuration("retryAfter", retryAfter, true);
        String error = SubmissionQueue.reasonForStorage(reason);
        Instant now = clock.instant();
        Outcome outcome = Jdbc.transaction(dataSource, "fail", c -> {
            long id;
            int attempts;
            String lock = "SELECT id, attempts FROM submission_queue WHERE submission_id = ? AND lease_token = ? FOR UPDATE";
            try (PreparedStatement s = bind(c.prepareStatement(lock), claim.item().submissionId().value(), claim.token());
                 ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    return Outcome.LEASE_LOST;
                }
                id = rs.getLong("id");
                attempts = rs.getInt("attempts");
            }
            if (attempts >= maxAttempts) {
                SqlDeadLetters.move(c, id, error, now);
                return Outcome.DEAD_LETTERED;
            }
            String retry = "UPDATE submission_queue SET lease_token = NULL, worker_id = NULL, lease_until = NULL,"
                    + " available_at = ?, last_error = ? WHERE id = ?";
            try (PreparedStatement s = bind(c.prepareStatement(retry), now.plus(retryAfter), error, id)) {
                s.executeUpdate();
            }
            return Outcome.RETRY_SCHEDULED;
        });
        if (outcome == Outcome.RETRY_SCHEDULED) {
            wakeups.signal();
        }
        return outcome;
    }

    @Override
    public long depth() {
        deadLetters.sweep(clock.instant());
        return Jdbc.autocommit(dataSource, "depth", c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT count(*) FROM submission_queue");
                 ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    @Override
    public List<DeadLetter> deadLetters(int limit) {
        deadLetters.sweep(clock.instant());
        return deadLetters.list(limit);
    }

    /** Claims skip exhausted items anyway; claim moves them to the dead letters at most once a second. */
    private void sweepNowAndThen(Instant now) {
        long millis = now.toEpochMilli();
        long last = lastSweepMillis.get();
        if (millis - last >= 1000 && lastSweepMillis.compareAndSet(last, millis)) {
            deadLetters.sweep(now);
        }
    }

    private record Row(QueuedSubmission item, int attempts) {
    }
}
