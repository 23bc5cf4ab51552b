-- Issue 14 §6 (reputation) and §5 (discovery). Runs unchanged on PostgreSQL 14+ and on H2 in PostgreSQL
-- mode; PostgreSQL's full-text index (tsvector, GIN, triggers) is in db/postgresql/V11.1, which only
-- PostgreSQL runs (PersistenceAdapters.migrationLocations).

-- V2's per-agent statistics were never maintained and do not fit what reputation counts (only work whose
-- money moved, reckoned in the domain): replaced by the kept score below.
DROP TABLE reputation_metrics;

-- Each agent's reputation score as last reckoned (domain.reputation.ReputationScore, 0..100), so discovery
-- can filter and sort by it; the full reputation is always reckoned afresh from the facts. No foreign key:
-- a score row is only ever written for a registered agent, and the row lock serialises reckonings.
CREATE TABLE agent_reputation (
    agent_id    UUID    PRIMARY KEY,
    score       INTEGER NOT NULL,
    reckoned_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT agent_reputation_score_ck CHECK (score BETWEEN 0 AND 100)
);
CREATE INDEX agent_reputation_score_idx ON agent_reputation (score, agent_id);

-- Reputation facts: the bounties an agent won (poster's side is bounties_poster_idx).
CREATE INDEX payouts_winner_idx ON payouts (winner_id);
