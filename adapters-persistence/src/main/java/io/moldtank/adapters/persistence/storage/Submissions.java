package io.moldtank.adapters.persistence.storage;

import io.moldtank.domain.agent.AgentId;
import io.moldtank.domain.bounty.*;
import io.moldtank.domain.validation.Vote;
import io.moldtank.ports.out.storage.StaleWrite;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.*;

/**
 * Submissions and their votes. Content is immutable and written once; votes only ever grow, so an
 * update appends the votes past those already stored. One submission per (bounty, sequence).
 */
final class Submissions {
    private static final String COLUMNS = "s.id, s.bounty_id, s.agent_id, s.sequence_no, s.content, s.received_at, "
            + "s.status, s.attempts, s.last_error, s.version";

    private Submissions() {
    }

    static void save(Connection c, SubmissionSnapshot s) throws SQLException {
        String lastError = Text.column("submission.last_error", s.lastError(), 20_000);
        int storedVotes;
        if (s.version() == 0) {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO submissions (id, bounty_id, agent_id, "
                    + "sequence_no, content, content_hash, received_at, status, attempts, last_error, version) "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1) ON CONFLICT DO NOTHING")) {
                ps.setObject(1, s.id().value());
                ps.setObject(2, s.bountyId().value());
                ps.setObject(3, s.agent().value());
                ps.setLong(4, s.sequence());
                ps.setString(5, Json.strings("submission.content", s.content().files()));
                ps.setString(6, s.content().hash().hex());
                Rows.instant(ps, 7, s.receivedAt());
                ps.setString(8, s.status().name());
                ps.setInt(9, s.attempts());
                ps.setString(10, lastError);
                if (ps.executeUpdate() == 0) {
                    throw new StaleWrite("submission " + s.id() + " or sequence " + s.sequence() + " of bounty "
                            + s.bountyId() + " (already stored)");
                }
            }
            storedVotes = 0;
        } else {
            try (PreparedStatement ps = c.prepareStatement("UPDATE submissions SET status = ?, attempts = ?, "
                    + "last_error = ?, version = version + 1 WHERE id = ? AND version = ?")) {
                ps.setString(1, s.status().name());
                ps.setInt(2, s.attempts());
                ps.setString(3, lastError);
                ps.setObject(4, s.id().value());
                ps.setLong(5, s.version());
                if (ps.executeUpdate() == 0) {
                    throw new StaleWrite("submission " + s.id() + " (version " + s.version() + " is no longer current)");
                }
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM votes WHERE submission_id = ?")) {
                ps.setObject(1, s.id().value());
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    storedVotes = rs.getInt(1);
                }
            }
        }
        appendVotes(c, s, storedVotes);
    }

    private static void appendVotes(Connection c, SubmissionSnapshot s, int from) throws SQLException {
        if (from >= s.votes().size()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO votes (submission_id, position, attempt, "
                + "validator, kind, summary, details, took_nanos, voted_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (int i = from; i < s.votes().size(); i++) {
                Submission.CastVote cast = s.votes().get(i);
                Vote v = cast.vote();
                ps.setObject(1, s.id().value());
                ps.setInt(2, i);
                ps.setInt(3, cast.attempt());
                ps.setString(4, Text.column("vote.validator", v.validator(), 100));
                ps.setString(5, v.kind().name());
                ps.setString(6, Text.column("vote.summary", v.summary(), 20_000));
                ps.setString(7, Json.strings("vote.details", v.details()));
                ps.setLong(8, v.took().toNanos());
                Rows.instant(ps, 9, v.at());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    static Optional<SubmissionSnapshot> load(Connection c, SubmissionId id) throws SQLException {
        return select(c, "s.id = ?", "", id.value()).stream().findFirst();
    }

    static List<SubmissionSnapshot> of(Connection c, BountyId bounty) throws SQLException {
        return select(c, "s.bounty_id = ?", "", bounty.value());
    }

    /** A page of a bounty's submissions: sequence numbers above {@code afterSequence}, at most {@code limit}. */
    static List<SubmissionSnapshot> page(Connection c, BountyId bounty, long afterSequence, int limit)
            throws SQLException {
        return select(c, "s.bounty_id = ? AND s.sequence_no > ?", " LIMIT " + Math.max(0, limit), bounty.value(),
                afterSequence);
    }

    /**
     * Ids first, then each submission with its votes: an operator list of at most a few hundred, so the
     * simple per-row load beats a paged join. No status index: dead letters are rare and this is not a hot path.
     */
    static List<SubmissionSnapshot> deadLettered(Connection c, int limit) throws SQLException {
        return byStatus(c, List.of(SubmissionStatus.DEAD_LETTERED), java.time.Instant.MAX, limit);
    }

    /** Undecided submissions received before {@code before}: the stranded-item sweep reads a handful at a time. */
    static List<SubmissionSnapshot> undecidedBefore(Connection c, java.time.Instant before, int limit)
            throws SQLException {
        return byStatus(c, List.of(SubmissionStatus.QUEUED, SubmissionStatus.VALIDATING), before, limit);
    }

    private static List<SubmissionSnapshot> byStatus(Connection c, List<SubmissionStatus> statuses,
                                                     java.time.Instant before, int limit) throws SQLException {
        List<UUID> ids = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT id FROM submissions WHERE status IN ("
                + Rows.placeholders(statuses.size()) + ")" + (before.equals(java.time.Instant.MAX) ? ""
                : " AND received_at < ?") + " ORDER BY received_at, id LIMIT ?")) {
            int i = 1;
            for (SubmissionStatus s : statuses) {
                ps.setString(i++, s.name());
            }
            if (!before.equals(java.time.Instant.MAX)) {
                Rows.instant(ps, i++, before);
            }
            ps.setInt(i, Math.max(0, limit));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(Rows.uuid(rs, "id"));
                }
            }
        }
        List<SubmissionSnapshot> out = new ArrayList<>();
        for (UUID id : ids) {
            load(c, new SubmissionId(id)).ifPresent(out::add);
        }
        return out;
    }

    /** Rows first, then their votes: a vote appended in between makes the pair stale, never inconsistent. */
    /** Rows matching {@code where} in sequence order (then {@code limit}, a LIMIT clause or ""), with their votes. */
    private static List<SubmissionSnapshot> select(Connection c, String where, String limit, Object... params)
            throws SQLException {
        List<SubmissionSnapshot> rows = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM submissions s WHERE " + where
                + " ORDER BY s.sequence_no" + limit)) {
            bind(ps, params);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(new SubmissionSnapshot(new SubmissionId(Rows.uuid(rs, "id")),
                            new BountyId(Rows.uuid(rs, "bounty_id")), new AgentId(Rows.uuid(rs, "agent_id")),
                            rs.getLong("sequence_no"), new SubmissionContent(Json.strings(rs.getString("content"))),
                            Rows.instant(rs, "received_at"), SubmissionStatus.valueOf(rs.getString("status")),
                            rs.getInt("attempts"), List.of(), rs.getString("last_error"), rs.getLong("version")));
                }
            }
        }
        if (rows.isEmpty()) {
            return rows;
        }
        // the votes of exactly these rows: the same condition, capped at the last sequence read
        String ofRows = where + " AND s.sequence_no <= " + rows.getLast().sequence();
        Map<UUID, List<Submission.CastVote>> votes = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT v.* FROM votes v JOIN submissions s "
                + "ON s.id = v.submission_id WHERE " + ofRows + " ORDER BY v.submission_id, v.position")) {
            bind(ps, params);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    votes.computeIfAbsent(Rows.uuid(rs, "submission_id"), k -> new ArrayList<>())
                            .add(new Submission.CastVote(rs.getInt("attempt"), new Vote(rs.getString("validator"),
                                    Vote.Kind.valueOf(rs.getString("kind")), rs.getString("summary"),
                                    Json.strings(rs.getString("details")), Duration.ofNanos(rs.getLong("took_nanos")),
                                    Rows.instant(rs, "voted_at"))));
                }
            }
        }
        return rows.stream().map(r -> new SubmissionSnapshot(r.id(), r.bountyId(), r.agent(), r.sequence(),
                r.content(), r.receivedAt(), r.status(), r.attempts(), votes.getOrDefault(r.id().value(), List.of()),
                r.lastError(), r.version())).toList();
    }

    private static void bind(PreparedStatement ps, Object... params) throws SQLException {
        for (int i = 0; i < params.length; i++) {
            ps.setObject(i + 1, params[i]);
        }
    }
}
