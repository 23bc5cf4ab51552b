package io.moldtank.adapters.persistence.storage;

import io.moldtank.domain.agent.AgentId;
import io.moldtank.domain.bounty.BountyId;
import io.moldtank.domain.job.JobId;
import io.moldtank.domain.job.JobMoneyFlows;
import io.moldtank.domain.job.JobParties;
import io.moldtank.domain.job.JobStatus;
import io.moldtank.domain.ledger.Transfer;
import io.moldtank.domain.ledger.TransferId;
import io.moldtank.domain.money.Usdc;
import io.moldtank.domain.payout.PayoutStatus;
import io.moldtank.domain.reputation.BountyFact;
import io.moldtank.domain.reputation.JobFact;
import io.moldtank.domain.reputation.PartyMarks;
import io.moldtank.domain.reputation.ReputationFacts;
import io.moldtank.ports.out.reputation.ReputationScores;
import io.moldtank.ports.out.reputation.ReputationSources;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Reputation's facts and kept scores on the database of {@link SqlStorage}: jobs by their party indexes,
 * their transfers by the ids {@link JobMoneyFlows} names them with, payouts by winner and by the bounty's
 * poster, reviews by subject, signing keys and Moltbook owners as party marks.
 */
public final class SqlReputation implements ReputationSources, ReputationScores {
    private static final List<String> STEPS = List.of(JobMoneyFlows.FUND, JobMoneyFlows.STORAGE_FEE,
            JobMoneyFlows.VERIFICATION_FEE, JobMoneyFlows.RELEASE, JobMoneyFlows.PLATFORM_CUT, JobMoneyFlows.REFUND);
    private static final String JOBS = "SELECT id, client_id, seller_id, status, price_units FROM jobs WHERE %s = ?"
            + " AND status IN ('COMPLETED', 'FAILED')";
    private static final String BOUNTIES = "SELECT b.id, b.poster_id, p.winner_id, p.amount_units, p.status,"
            + " p.tx_hash, p.next_attempt_at FROM payouts p JOIN bounties b ON b.id = p.bounty_id WHERE %s = ?";
    /** Rows per IN (...) list: far below either database's parameter limit. */
    private static final int CHUNK = 500;

    private final Db db;

    SqlReputation(Db db) {
        this.db = db;
    }

    @Override
    public ReputationFacts factsOf(AgentId agent) {
        return db.read("reputation facts of " + agent, c -> {
            Map<UUID, JobFact> jobs = new LinkedHashMap<>();
            for (String party : List.of("client_id", "seller_id")) {
                jobs(c, JOBS.formatted(party), agent, jobs);
            }
            List<JobFact> withTransfers = withTransfers(c, jobs.values());
            Map<UUID, BountyFact> bounties = new LinkedHashMap<>();
            for (String party : List.of("b.poster_id", "p.winner_id")) {
                bounties(c, BOUNTIES.formatted(party), agent, bounties);
            }
            var reviews = Reviews.of(c, agent, Integer.MAX_VALUE);
            Set<UUID> people = new HashSet<>(Set.of(agent.value()));
            withTransfers.forEach(j -> people.addAll(List.of(j.parties().client().value(), j.parties().seller().value())));
            bounties.values().forEach(b -> people.addAll(List.of(b.poster().value(), b.winner().value())));
            return new ReputationFacts(agent, withTransfers, List.copyOf(bounties.values()), reviews, marks(c, people));
        });
    }

    private static void jobs(Connection c, String sql, AgentId agent, Map<UUID, JobFact> into) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            Rows.uuid(ps, 1, agent.value());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    JobId id = new JobId(Rows.uuid(rs, "id"));
                    into.putIfAbsent(id.value(), new JobFact(id, new JobParties(new AgentId(Rows.uuid(rs, "client_id")),
                            new AgentId(Rows.uuid(rs, "seller_id"))), JobStatus.valueOf(rs.getString("status")),
                            Usdc.ofUnits(rs.getLong("price_units")), List.of()));
                }
            }
        }
    }

    private static List<JobFact> withTransfers(Connection c, Collection<JobFact> jobs) throws SQLException {
        List<TransferId> ids = new ArrayList<>();
        jobs.forEach(j -> STEPS.forEach(s -> ids.add(JobMoneyFlows.transferOf(j.id(), s))));
        Map<TransferId, Transfer> found = new HashMap<>();
        for (int i = 0; i < ids.size(); i += CHUNK) {
            found.putAll(LedgerRows.transfers(c, ids.subList(i, Math.min(ids.size(), i + CHUNK))));
        }
        return jobs.stream().map(j -> new JobFact(j.id(), j.parties(), j.status(), j.price(), STEPS.stream()
                .map(s -> found.get(JobMoneyFlows.transferOf(j.id(), s))).filter(t -> t != null).toList())).toList();
    }

    private static void bounties(Connection c, String sql, AgentId agent, Map<UUID, BountyFact> into)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            Rows.uuid(ps, 1, agent.value());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    UUID id = Rows.uuid(rs, "id");
                    // a confirmed payout's next-attempt time is when it was confirmed
                    into.putIfAbsent(id, new BountyFact(new BountyId(id), new AgentId(Rows.uuid(rs, "poster_id")),
                            new AgentId(Rows.uuid(rs, "winner_id")), Usdc.ofUnits(rs.getLong("amount_units")),
                            PayoutStatus.valueOf(rs.getString("status")), rs.getString("tx_hash"),
                            Rows.instant(rs, "next_attempt_at")));
                }
            }
        }
    }

    private static Map<AgentId, PartyMarks> marks(Connection c, Set<UUID> people) throws SQLException {
        List<UUID> ids = List.copyOf(people);
        Map<UUID, String> keys = byIds(c, "SELECT id AS who, signing_key FROM agents WHERE id IN (", ids,
                rs -> rs.getString("signing_key"));
        Map<UUID, String> owners = byIds(c, "SELECT agent_id AS who, owner_handle FROM moltbook_links WHERE agent_id IN (",
                ids, rs -> rs.getString("owner_handle"));
        Map<AgentId, PartyMarks> marks = new HashMap<>();
        ids.forEach(id -> marks.put(new AgentId(id), new PartyMarks(keys.get(id), owners.get(id))));
        return marks;
    }

    /** One value per id ({@code select} names the id {@code who} and ends "IN ("), {@value #CHUNK} ids a query. */
    private static <V> Map<UUID, V> byIds(Connection c, String select, List<UUID> ids, Column<V> value)
            throws SQLException {
        Map<UUID, V> out = new HashMap<>();
        for (int i = 0; i < ids.size(); i += CHUNK) {
            List<UUID> chunk = ids.subList(i, Math.min(ids.size(), i + CHUNK));
            try (PreparedStatement ps = c.prepareStatement(select + Rows.placeholders(chunk.size()) + ")")) {
                Rows.bindUuids(ps, 1, chunk);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.put(Rows.uuid(rs, "who"), value.read(rs));
                    }
                }
            }
        }
        return out;
    }

    @FunctionalInterface
    private interface Column<V> {
        V read(ResultSet rs) throws SQLException;
    }

    @Override
    public List<AgentId> agentsAfter(AgentId after, int limit) {
        return db.read("agents for reputation", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT id FROM agents"
                    + (after == null ? "" : " WHERE id > ?") + " ORDER BY id LIMIT ?")) {
                int i = 1;
                if (after != null) {
                    Rows.uuid(ps, i++, after.value());
                }
                ps.setInt(i, limit);
                List<AgentId> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new AgentId(Rows.uuid(rs, "id")));
                    }
                }
                return out;
            }
        });
    }

    @Override
    public void hold(AgentId agent, int initial, Instant at) {
        db.write("hold reputation of " + agent, c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO agent_reputation (agent_id, score, reckoned_at)"
                    + " VALUES (?, ?, ?) ON CONFLICT DO NOTHING")) {
                Rows.uuid(ps, 1, agent.value());
                ps.setInt(2, initial);
                Rows.instant(ps, 3, at);
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT score FROM agent_reputation WHERE agent_id = ?"
                    + " FOR UPDATE")) {
                Rows.uuid(ps, 1, agent.value());
                ps.executeQuery().close();
            }
            return null;
        });
    }

    @Override
    public void save(AgentId agent, int score, Instant at) {
        db.write("save reputation of " + agent, c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE agent_reputation SET score = ?, reckoned_at = ?"
                    + " WHERE agent_id = ?")) {
                ps.setInt(1, score);
                Rows.instant(ps, 2, at);
                Rows.uuid(ps, 3, agent.value());
                if (ps.executeUpdate() == 0) {
                    throw new IllegalStateException("save the reputation of " + agent + " only after holding it");
                }
            }
            return null;
        });
    }

    @Override
    public Map<AgentId, Integer> scores(Collection<AgentId> agents) {
        if (agents.isEmpty()) {
            return Map.of();
        }
        return db.read("reputation scores", c -> {
            Map<AgentId, Integer> out = new HashMap<>();
            byIds(c, "SELECT agent_id AS who, score FROM agent_reputation WHERE agent_id IN (",
                    agents.stream().map(AgentId::value).distinct().toList(), rs -> rs.getInt("score"))
                    .forEach((id, score) -> out.put(new AgentId(id), score));
            return out;
        });
    }
}
