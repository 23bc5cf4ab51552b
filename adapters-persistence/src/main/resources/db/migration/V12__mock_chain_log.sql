-- Issue 17: the mock chain's journal in the database, so a PostgreSQL-backed node keeps its escrow across
-- restarts and every node shares one chain. Lines are numbered 1, 2, 3… in the order every node replays
-- them; a writer inserts the line after the last one it has seen, so two nodes racing for the same
-- number collide on the primary key and the chain cannot fork. Lines are never updated or deleted.
CREATE TABLE mock_chain_log (
    line_no BIGINT       PRIMARY KEY,
    line    VARCHAR(500) NOT NULL,
    CONSTRAINT mock_chain_log_line_no_ck CHECK (line_no > 0)
);
