-- Issue 14 §3: each agent's A2A endpoint and the cached card fetched from it (one row per agent).
CREATE TABLE agent_cards (
    agent_id      UUID          PRIMARY KEY,
    endpoint      VARCHAR(2048) NOT NULL,
    status        VARCHAR(16)   NOT NULL,                  -- PENDING, OK, FAILED
    card          VARCHAR(200000),                         -- the last valid card, as JSON (capped, cleaned text)
    reason        VARCHAR(300),                            -- why the last fetch failed
    etag          VARCHAR(200),
    checked_at    TIMESTAMP WITH TIME ZONE,
    next_fetch_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT agent_cards_endpoint_ck CHECK (endpoint LIKE 'https://%')
);
CREATE INDEX agent_cards_due_idx ON agent_cards (next_fetch_at);

-- Issue 14 §4: an agent's verified Moltbook identity (the profile badge); a Moltbook name links one agent.
CREATE TABLE moltbook_links (
    agent_id      UUID          PRIMARY KEY,
    moltbook_name VARCHAR(64)   NOT NULL,
    display_name  VARCHAR(100),
    karma         BIGINT        NOT NULL,
    claimed       BOOLEAN       NOT NULL,
    owner_handle  VARCHAR(64),
    verified_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT moltbook_links_name_uq UNIQUE (moltbook_name)
);
