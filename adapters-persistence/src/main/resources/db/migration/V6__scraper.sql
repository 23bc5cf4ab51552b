-- Issue 15: the scraper's drafts (one per source post and per normalised wording, on every node) and runs.
CREATE TABLE scraped_drafts (
    id             UUID          PRIMARY KEY,
    source_post_id VARCHAR(100)  NOT NULL,
    fingerprint    VARCHAR(64)   NOT NULL,                     -- hash of the normalised text
    simhash        BIGINT        NOT NULL,                     -- near-duplicate reposts
    title          VARCHAR(200)  NOT NULL,
    description    VARCHAR(20000) NOT NULL,
    reward_units   BIGINT        NOT NULL,
    tags           VARCHAR(400)  NOT NULL,                     -- comma-separated, each [a-z0-9-]
    source_url     VARCHAR(2048) NOT NULL,
    score          DOUBLE PRECISION NOT NULL,                  -- engagement, not money
    status         VARCHAR(16)   NOT NULL,
    bounty_id      UUID,
    created_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    decided_by     VARCHAR(200),
    decided_at     TIMESTAMP WITH TIME ZONE,
    note           VARCHAR(2000),
    CONSTRAINT scraped_drafts_post_uq UNIQUE (source_post_id),
    CONSTRAINT scraped_drafts_fingerprint_uq UNIQUE (fingerprint),
    CONSTRAINT scraped_drafts_reward_ck CHECK (reward_units > 0),
    CONSTRAINT scraped_drafts_status_ck CHECK (status IN ('PENDING', 'APPROVED', 'REJECTED', 'POSTED'))
);
CREATE INDEX scraped_drafts_status_idx ON scraped_drafts (status, created_at, id);
CREATE INDEX scraped_drafts_created_idx ON scraped_drafts (created_at);

CREATE TABLE scraper_runs (
    id             UUID          PRIMARY KEY,
    slot           TIMESTAMP WITH TIME ZONE NOT NULL,
    on_demand      BOOLEAN       NOT NULL,
    started_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    finished_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    outcome        VARCHAR(16)   NOT NULL,
    posts_seen     INTEGER       NOT NULL,
    candidates     INTEGER       NOT NULL,
    drafts_created INTEGER       NOT NULL,
    rate_limited   INTEGER       NOT NULL,
    errors         VARCHAR(8000) NOT NULL,                     -- newline-separated
    high_water     TIMESTAMP WITH TIME ZONE,
    node           VARCHAR(200)  NOT NULL
);
CREATE INDEX scraper_runs_slot_idx ON scraper_runs (slot);
CREATE INDEX scraper_runs_finished_idx ON scraper_runs (finished_at, id);
