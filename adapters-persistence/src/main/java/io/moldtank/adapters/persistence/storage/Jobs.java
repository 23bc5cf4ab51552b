package io.moldtank.adapters.persistence.storage;

import io.moldtank.domain.agent.AgentId;
import io.moldtank.domain.job.*;
import io.moldtank.domain.money.BasisPoints;
import io.moldtank.domain.money.FeeSchedule;
import io.moldtank.domain.money.Usdc;
import io.moldtank.ports.out.storage.StaleWrite;
import io.moldtank.ports.out.storage.Versioned;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Job snapshots with version-checked saves. The delivered result is a column like any other here;
 * keeping it from agents is the services' job (the snapshot is never handed out raw). A sandbox
 * check is JSON text, and its run too, with the run's state and times copied into columns that the
 * pending-check queries read ({@link SqlJobChecks}).
 */
final class Jobs {
    static final String COLUMNS = "id, client_id, seller_id, price_units, fee_name, platform_cut_bps, "
            + "storage_fee_units, verify_fee_units, status, result, check_spec, check_run, version";

    private Jobs() {
    }

    static Optional<Versioned<JobSnapshot>> load(Connection c, JobId id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM jobs WHERE id = ?")) {
            ps.setObject(1, id.value());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(new Versioned<>(read(rs), rs.getLong("version"))) : Optional.empty();
            }
        }
    }

    /** Inserts at expected version 0, else updates that version only; anything else is a {@link StaleWrite}. */
    static void save(Connection c, JobSnapshot j, long expectedVersion) throws SQLException {
        String sql = expectedVersion == 0
                ? "INSERT INTO jobs (client_id, seller_id, price_units, fee_name, platform_cut_bps, storage_fee_units, "
                        + "verify_fee_units, status, result, check_spec, check_run, check_state, check_due_at, "
                        + "check_queued_at, id, version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1) "
                        + "ON CONFLICT DO NOTHING"
                : "UPDATE jobs SET client_id = ?, seller_id = ?, price_units = ?, fee_name = ?, platform_cut_bps = ?, "
                        + "storage_fee_units = ?, verify_fee_units = ?, status = ?, result = ?, check_spec = ?, "
                        + "check_run = ?, check_state = ?, check_due_at = ?, check_queued_at = ?, version = version + 1 "
                        + "WHERE id = ? AND version = ?";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setObject(1, j.parties().client().value());
            ps.setObject(2, j.parties().seller().value());
            ps.setLong(3, j.price().units());
            ps.setString(4, Text.column("job.fees.name", j.fees().name(), 100));
            ps.setInt(5, j.fees().platformCut().value());
            ps.setLong(6, j.fees().storageFee().units());
            ps.setLong(7, j.fees().verificationFee().units());
            ps.setString(8, j.status().name());
            String result = j.result().map(JobResult::content).orElse(null);
            if (result == null) {
                ps.setNull(9, Types.VARCHAR);
            } else {
                ps.setString(9, Text.column("job.result", result, Integer.MAX_VALUE));
            }
            bindCheck(ps, 10, j);
            ps.setObject(15, j.id().value());
            if (expectedVersion != 0) {
                ps.setLong(16, expectedVersion);
            }
            if (ps.executeUpdate() == 0) {
                throw new StaleWrite(expectedVersion == 0 ? "job " + j.id() + " (already stored)"
                        : "job " + j.id() + " (version " + expectedVersion + " is no longer current)");
            }
        }
    }

    /** Check spec and run as JSON text; the run's state, due time (floored to the microsecond) and ask time as columns. */
    private static void bindCheck(PreparedStatement ps, int from, JobSnapshot j) throws SQLException {
        String spec = JobCheckJson.check(j.check());
        CheckRun run = j.run().orElse(null);
        setText(ps, from, spec);
        setText(ps, from + 1, run == null ? null : JobCheckJson.run(run));
        ps.setString(from + 2, run == null ? null : run.state().name());
        // a column may keep only microseconds: floor, so a check is never due later in SQL than in the domain
        Rows.instant(ps, from + 3, run == null || run.dueAt() == null ? null : run.dueAt().truncatedTo(ChronoUnit.MICROS));
        Rows.instant(ps, from + 4, run == null ? null : run.queuedAt().truncatedTo(ChronoUnit.MICROS));
    }

    private static void setText(PreparedStatement ps, int index, String text) throws SQLException {
        if (text == null) {
            ps.setNull(index, Types.VARCHAR);
        } else {
            ps.setString(index, text);
        }
    }

    /** The agent's jobs as client or seller, newest (last inserted) first. */
    static List<JobSnapshot> of(Connection c, AgentId agent, int limit) throws SQLException {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1");
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM jobs WHERE client_id = ? "
                + "OR seller_id = ? ORDER BY seq DESC LIMIT ?")) {
            ps.setObject(1, agent.value());
            ps.setObject(2, agent.value());
            ps.setInt(3, limit);
            List<JobSnapshot> found = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    found.add(read(rs));
                }
            }
            return found;
        }
    }

    static JobSnapshot read(ResultSet rs) throws SQLException {
        FeeSchedule fees = new FeeSchedule(rs.getString("fee_name"), BasisPoints.of(rs.getInt("platform_cut_bps")),
                Usdc.ofUnits(rs.getLong("storage_fee_units")), Usdc.ofUnits(rs.getLong("verify_fee_units")));
        return new JobSnapshot(new JobId(Rows.uuid(rs, "id")),
                new JobParties(new AgentId(Rows.uuid(rs, "client_id")), new AgentId(Rows.uuid(rs, "seller_id"))),
                Usdc.ofUnits(rs.getLong("price_units")), fees, JobStatus.valueOf(rs.getString("status")),
                Optional.ofNullable(rs.getString("result")).map(JobResult::new),
                JobCheckJson.check(rs.getString("check_spec")),
                Optional.ofNullable(rs.getString("check_run")).map(JobCheckJson::run));
    }
}
