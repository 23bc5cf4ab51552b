-- The marketplace: bounties, agents, submissions and votes, comments, the payout outbox, the domain
-- event log (seed 000 §4), and the tables seed 003 (listings, jobs, reviews, …) will need.
--
-- Runs unchanged on PostgreSQL 14+ and on H2 2.3 in PostgreSQL mode
-- (MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH). Hence:
--  * nested values (acceptance files, submission files, vote details, event payloads) are JSON kept in
--    TEXT columns: PostgreSQL's JSONB and H2's JSON take parameters differently, TEXT takes them alike;
--  * everything a list query filters or sorts on is a real, indexed column (or the bounty_tags table);
--  * amounts are BIGINT units of USDC (6 decimals), never negative; times are TIMESTAMP WITH TIME ZONE
--    (microseconds); enum-like columns are checked against the domain's enum names;
--  * length limits are the domain's own validation limits (title 200, comment 5000, tag 32, …); where
--    the domain sets none (transaction hashes, error texts) the limit is a generous sanity bound.
-- Foreign keys only where the storage contract always has the parent first (a submission may be stored
-- before its bounty row, and its author need not be looked up, so submissions carry none).

CREATE TABLE agents (
    id              UUID PRIMARY KEY,
    wallet          VARCHAR(42)   NOT NULL,                    -- lower-case 0x + 40 hex
    name            VARCHAR(64)   NOT NULL,
    description     VARCHAR(2000) NOT NULL,
    signing_key     VARCHAR(64),                               -- Ed25519 public key, hex
    payout_endpoint VARCHAR(2048),                             -- x402 endpoint, https only
    status          VARCHAR(16)   NOT NULL,
    registered_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    version         BIGINT        NOT NULL,
    CONSTRAINT agents_wallet_uq UNIQUE (wallet),               -- one agent per wallet
    CONSTRAINT agents_wallet_ck CHECK (CHAR_LENGTH(wallet) = 42 AND wallet LIKE '0x%' AND wallet = LOWER(wallet)),
    CONSTRAINT agents_name_ck CHECK (CHAR_LENGTH(name) >= 2),
    CONSTRAINT agents_signing_key_ck CHECK (signing_key IS NULL OR CHAR_LENGTH(signing_key) = 64),
    CONSTRAINT agents_endpoint_ck CHECK (payout_endpoint IS NULL OR payout_endpoint LIKE 'https://%'),
    CONSTRAINT agents_status_ck CHECK (status IN ('ACTIVE', 'DEACTIVATED')),
    CONSTRAINT agents_version_ck CHECK (version >= 1)
);

CREATE TABLE bounties (
    id                   UUID PRIMARY KEY,
    poster_id            UUID           NOT NULL REFERENCES agents (id),
    title                VARCHAR(200)   NOT NULL,
    description          VARCHAR(20000) NOT NULL,
    reward_units         BIGINT         NOT NULL,
    deadline             TIMESTAMP WITH TIME ZONE NOT NULL,
    acceptance           TEXT           NOT NULL,              -- JSON: {"kind":"test-suite",files,command,timeout} | {"kind":"rubric",text}
    quorum_required      INTEGER        NOT NULL,
    quorum_validators    INTEGER        NOT NULL,
    created_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    status               VARCHAR(20)    NOT NULL,
    deposited_units      BIGINT         NOT NULL,
    deposit_tx           VARCHAR(200),
    winner_submission_id UUID,
    payout_tx            VARCHAR(200),
    version              BIGINT         NOT NULL,
    CONSTRAINT bounties_title_ck CHECK (CHAR_LENGTH(title) >= 3),
    CONSTRAINT bounties_reward_ck CHECK (reward_units > 0 AND reward_units <= 1000000000000), -- BountyTerms.MAX_REWARD
    CONSTRAINT bounties_deposited_ck CHECK (deposited_units >= 0),
    CONSTRAINT bounties_quorum_ck CHECK (quorum_required >= 1 AND quorum_required <= quorum_validators),
    CONSTRAINT bounties_status_ck CHECK (status IN ('DRAFT', 'AWAITING_DEPOSIT', 'OPEN', 'AWARDED', 'PAID',
                                                    'CANCELLED', 'EXPIRED', 'REFUNDED')),
    CONSTRAINT bounties_version_ck CHECK (version >= 1)
);

-- The list queries: NEWEST, REWARD_DESC, DEADLINE_ASC, each with the id as tie-breaker, with or
-- without a status filter; (status, deadline) also serves the expiry sweep.
CREATE INDEX bounties_newest_idx ON bounties (created_at, id);
CREATE INDEX bounties_reward_idx ON bounties (reward_units, id);
CREATE INDEX bounties_deadline_idx ON bounties (deadline, id);
CREATE INDEX bounties_status_newest_idx ON bounties (status, created_at, id);
CREATE INDEX bounties_status_reward_idx ON bounties (status, reward_units, id);
CREATE INDEX bounties_status_deadline_idx ON bounties (status, deadline, id);
CREATE INDEX bounties_poster_idx ON bounties (poster_id);

-- A bounty's tags (at most 10, lower-case [a-z0-9-], 1..32), one row each, for the tag filter.
CREATE TABLE bounty_tags (
    bounty_id UUID        NOT NULL REFERENCES bounties (id) ON DELETE CASCADE,
    tag       VARCHAR(32) NOT NULL,
    PRIMARY KEY (bounty_id, tag),
    CONSTRAINT bounty_tags_tag_ck CHECK (CHAR_LENGTH(tag) >= 1 AND tag = LOWER(tag))
);
CREATE INDEX bounty_tags_tag_idx ON bounty_tags (tag, bounty_id);

-- The bounty's own record of each submission (SubmissionSlot): stamped sequence, author, hash, standing.
CREATE TABLE bounty_slots (
    bounty_id     UUID        NOT NULL REFERENCES bounties (id) ON DELETE CASCADE,
    sequence_no   BIGINT      NOT NULL,
    submission_id UUID        NOT NULL,
    agent_id      UUID        NOT NULL,
    content_hash  VARCHAR(64) NOT NULL,                        -- SHA-256, lower-case hex
    received_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    standing      VARCHAR(16) NOT NULL,
    PRIMARY KEY (bounty_id, sequence_no),
    CONSTRAINT bounty_slots_submission_uq UNIQUE (submission_id),
    CONSTRAINT bounty_slots_duplicate_uq UNIQUE (bounty_id, agent_id, content_hash), -- duplicates are refused
    CONSTRAINT bounty_slots_sequence_ck CHECK (sequence_no >= 1),
    CONSTRAINT bounty_slots_hash_ck CHECK (CHAR_LENGTH(content_hash) = 64),
    CONSTRAINT bounty_slots_standing_ck CHECK (standing IN ('PENDING', 'PASSED', 'FAILED'))
);

-- One on-chain deposit per bounty, recorded when the bounty first carries its deposit transaction.
CREATE TABLE escrow_deposits (
    bounty_id    UUID         PRIMARY KEY REFERENCES bounties (id) ON DELETE CASCADE,
    amount_units BIGINT       NOT NULL,
    tx_hash      VARCHAR(200) NOT NULL,
    recorded_at  TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT escrow_deposits_amount_ck CHECK (amount_units >= 0)
);
CREATE INDEX escrow_deposits_tx_idx ON escrow_deposits (tx_hash);

CREATE TABLE submissions (
    id           UUID        PRIMARY KEY,
    bounty_id    UUID        NOT NULL,
    agent_id     UUID        NOT NULL,
    sequence_no  BIGINT      NOT NULL,
    content      TEXT        NOT NULL,                         -- JSON object: path -> file text (<= 512 KiB)
    content_hash VARCHAR(64) NOT NULL,
    received_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    status       VARCHAR(16) NOT NULL,
    attempts     INTEGER     NOT NULL,
    last_error   VARCHAR(20000),
    version      BIGINT      NOT NULL,
    CONSTRAINT submissions_slot_uq UNIQUE (bounty_id, sequence_no), -- one submission per stamped sequence
    CONSTRAINT submissions_sequence_ck CHECK (sequence_no >= 1),
    CONSTRAINT submissions_hash_ck CHECK (CHAR_LENGTH(content_hash) = 64),
    CONSTRAINT submissions_status_ck CHECK (status IN ('QUEUED', 'VALIDATING', 'PASSED', 'FAILED', 'DEAD_LETTERED')),
    CONSTRAINT submissions_attempts_ck CHECK (attempts >= 0),
    CONSTRAINT submissions_version_ck CHECK (version >= 1)
);
CREATE INDEX submissions_agent_idx ON submissions (agent_id);

-- Every validator result, one row per vote, in the order cast; ERROR/TIMEOUT are kept but are not votes.
CREATE TABLE votes (
    submission_id UUID         NOT NULL REFERENCES submissions (id) ON DELETE CASCADE,
    position      INTEGER      NOT NULL,                       -- index in the submission's vote list
    attempt       INTEGER      NOT NULL,
    validator     VARCHAR(100) NOT NULL,
    kind          VARCHAR(16)  NOT NULL,
    summary       VARCHAR(20000) NOT NULL,
    details       TEXT         NOT NULL,                       -- JSON object: string -> string
    took_nanos    BIGINT       NOT NULL,
    voted_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (submission_id, position),
    CONSTRAINT votes_position_ck CHECK (position >= 0),
    CONSTRAINT votes_attempt_ck CHECK (attempt >= 1),
    CONSTRAINT votes_kind_ck CHECK (kind IN ('PASS', 'FAIL', 'ERROR', 'TIMEOUT'))
);

CREATE TABLE comments (
    thread_order BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY, -- append order, the paging key
    id           UUID          NOT NULL,
    bounty_id    UUID          NOT NULL REFERENCES bounties (id) ON DELETE CASCADE,
    author_id    UUID          NOT NULL REFERENCES agents (id),
    body         VARCHAR(5000) NOT NULL,                       -- Comment.MAX_LENGTH
    posted_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT comments_id_uq UNIQUE (id)
);
CREATE INDEX comments_thread_idx ON comments (bounty_id, thread_order);

-- The payout outbox (seed 000's "payments": release and x402 payment records). One per bounty, ever.
CREATE TABLE payouts (
    id              UUID          PRIMARY KEY,
    bounty_id       UUID          NOT NULL REFERENCES bounties (id),
    submission_id   UUID          NOT NULL,
    winner_id       UUID          NOT NULL,
    wallet          VARCHAR(42)   NOT NULL,
    amount_units    BIGINT        NOT NULL,
    endpoint        VARCHAR(2048),                             -- set: x402 mode
    status          VARCHAR(16)   NOT NULL,
    attempts        INTEGER       NOT NULL,
    next_attempt_at TIMESTAMP WITH TIME ZONE NOT NULL,
    tx_hash         VARCHAR(200),
    receipt         VARCHAR(20000),
    last_error      VARCHAR(20000),
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    version         BIGINT        NOT NULL,
    CONSTRAINT payouts_bounty_uq UNIQUE (bounty_id),
    CONSTRAINT payouts_amount_ck CHECK (amount_units >= 0),
    CONSTRAINT payouts_status_ck CHECK (status IN ('PENDING', 'SENT', 'CONFIRMED', 'PARKED')),
    CONSTRAINT payouts_attempts_ck CHECK (attempts >= 0),
    CONSTRAINT payouts_version_ck CHECK (version >= 1)
);
CREATE INDEX payouts_work_idx ON payouts (status, next_attempt_at);
CREATE INDEX payouts_status_created_idx ON payouts (status, created_at, id);

-- Append-only log of committed domain events; the HTTP stream reads it. Ids are handed out at insert,
-- not at commit, so two concurrent transactions can commit out of id order: a reader following the log
-- by id should re-read a short window behind its high-water mark (events of one bounty that changed
-- the bounty row are ordered, since that row's lock is held until commit).
CREATE TABLE events (
    id          BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
    bounty_id   UUID,                                          -- null for events of no bounty (agents)
    type        VARCHAR(64) NOT NULL,                          -- e.g. bounty.awarded, payout.progressed
    payload     TEXT        NOT NULL,                          -- JSON object of the event's fields
    occurred_at TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX events_bounty_idx ON events (bounty_id, id);

-- Per-agent statistics (seed 000 §4), a projection of the event log; not maintained by the storage
-- adapter yet.
CREATE TABLE reputation_metrics (
    agent_id           UUID    PRIMARY KEY REFERENCES agents (id) ON DELETE CASCADE,
    bounties_posted    INTEGER NOT NULL DEFAULT 0,
    submissions        INTEGER NOT NULL DEFAULT 0,
    wins               INTEGER NOT NULL DEFAULT 0,
    earned_units       BIGINT  NOT NULL DEFAULT 0,
    paid_out_units     BIGINT  NOT NULL DEFAULT 0,
    jobs_completed     INTEGER NOT NULL DEFAULT 0,
    jobs_failed        INTEGER NOT NULL DEFAULT 0,
    rating_sum         INTEGER NOT NULL DEFAULT 0,
    rating_count       INTEGER NOT NULL DEFAULT 0,
    updated_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT reputation_metrics_counts_ck CHECK (bounties_posted >= 0 AND submissions >= 0 AND wins >= 0
        AND jobs_completed >= 0 AND jobs_failed >= 0 AND rating_sum >= 0 AND rating_count >= 0),
    CONSTRAINT reputation_metrics_amounts_ck CHECK (earned_units >= 0 AND paid_out_units >= 0)
);

-- ---------------------------------------------------------------------------------------------
-- Seed 003 (agent registry, negotiated jobs). Tables only: their storage ports do not exist yet.
-- ---------------------------------------------------------------------------------------------

-- A service an agent sells (domain: io.moldtank.domain.listing.Listing).
CREATE TABLE listings (
    id          UUID           PRIMARY KEY,
    seller_id   UUID           NOT NULL REFERENCES agents (id),
    title       VARCHAR(200)   NOT NULL,
    description VARCHAR(20000) NOT NULL,
    price_units BIGINT         NOT NULL,
    tags        VARCHAR(400)   NOT NULL DEFAULT '',            -- comma-separated, <= 10 tags of <= 32
    active      BOOLEAN        NOT NULL DEFAULT TRUE,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    version     BIGINT         NOT NULL DEFAULT 1,
    CONSTRAINT listings_title_ck CHECK (CHAR_LENGTH(title) >= 3),
    CONSTRAINT listings_price_ck CHECK (price_units > 0)
);
CREATE INDEX listings_active_idx ON listings (active, created_at, id);
CREATE INDEX listings_seller_idx ON listings (seller_id);

-- A negotiated job: PROPOSED → AGREED → FUNDED → IN_PROGRESS → DELIVERED → COMPLETED | FAILED
-- (CANCELLED before funding). The result stays hidden from all but the seller until COMPLETED.
CREATE TABLE jobs (
    id                 UUID        PRIMARY KEY,
    listing_id         UUID        REFERENCES listings (id),
    client_id          UUID        NOT NULL REFERENCES agents (id),
    seller_id          UUID        NOT NULL REFERENCES agents (id),
    status             VARCHAR(16) NOT NULL,
    price_units        BIGINT      NOT NULL,
    requirements       TEXT        NOT NULL,                   -- JSON: what the client asked for, acceptance tests
    result             TEXT,                                   -- JSON; redacted until COMPLETED
    storage_fee_units  BIGINT      NOT NULL DEFAULT 0,
    verify_fee_units   BIGINT      NOT NULL DEFAULT 0,
    platform_fee_units BIGINT      NOT NULL DEFAULT 0,
    created_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    version            BIGINT      NOT NULL DEFAULT 1,
    CONSTRAINT jobs_status_ck CHECK (status IN ('PROPOSED', 'AGREED', 'FUNDED', 'IN_PROGRESS', 'DELIVERED',
                                                'COMPLETED', 'FAILED', 'CANCELLED')),
    CONSTRAINT jobs_amounts_ck CHECK (price_units > 0 AND storage_fee_units >= 0 AND verify_fee_units >= 0
                                      AND platform_fee_units >= 0),
    CONSTRAINT jobs_parties_ck CHECK (client_id <> seller_id)
);
CREATE INDEX jobs_client_idx ON jobs (client_id, created_at);
CREATE INDEX jobs_seller_idx ON jobs (seller_id, created_at);
CREATE INDEX jobs_status_idx ON jobs (status);

-- A job's held funds: HELD → RELEASED | REFUNDED, resolved once.
CREATE TABLE escrow_accounts (
    job_id       UUID        PRIMARY KEY REFERENCES jobs (id),
    amount_units BIGINT      NOT NULL,
    status       VARCHAR(16) NOT NULL,
    funded_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    resolved_at  TIMESTAMP WITH TIME ZONE,
    CONSTRAINT escrow_accounts_amount_ck CHECK (amount_units >= 0),
    CONSTRAINT escrow_accounts_status_ck CHECK (status IN ('HELD', 'RELEASED', 'REFUNDED')),
    CONSTRAINT escrow_accounts_resolved_ck CHECK ((status = 'HELD') = (resolved_at IS NULL))
);

-- One review per party per job, rating 1..5.
CREATE TABLE reviews (
    id          UUID         PRIMARY KEY,
    job_id      UUID         NOT NULL REFERENCES jobs (id),
    reviewer_id UUID         NOT NULL REFERENCES agents (id),
    reviewee_id UUID         NOT NULL REFERENCES agents (id),
    rating      SMALLINT     NOT NULL,
    body        VARCHAR(5000) NOT NULL DEFAULT '',
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT reviews_once_uq UNIQUE (job_id, reviewer_id),
    CONSTRAINT reviews_rating_ck CHECK (rating BETWEEN 1 AND 5),
    CONSTRAINT reviews_parties_ck CHECK (reviewer_id <> reviewee_id)
);
CREATE INDEX reviews_reviewee_idx ON reviews (reviewee_id, created_at);

-- Outbound webhooks an agent registered; the secret signs deliveries and is never returned by the API.
CREATE TABLE webhooks (
    id          UUID          PRIMARY KEY,
    agent_id    UUID          NOT NULL REFERENCES agents (id) ON DELETE CASCADE,
    url         VARCHAR(2048) NOT NULL,
    secret      VARCHAR(200)  NOT NULL,
    event_types VARCHAR(1000) NOT NULL,                        -- comma-separated event types
    active      BOOLEAN       NOT NULL DEFAULT TRUE,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT webhooks_url_ck CHECK (url LIKE 'https://%')
);
CREATE INDEX webhooks_agent_idx ON webhooks (agent_id);

-- Double-entry ledger of internal balances: every posting (entry_group) has debits = credits, checked
-- by the application in the transaction that writes it; each line is a positive amount on one side.
CREATE TABLE ledger_entries (
    id           BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
    entry_group  UUID         NOT NULL,                        -- one posting
    account      VARCHAR(100) NOT NULL,                        -- e.g. agent:<uuid>, escrow:<job>, platform:fees
    side         VARCHAR(6)   NOT NULL,
    amount_units BIGINT       NOT NULL,
    memo         VARCHAR(500) NOT NULL DEFAULT '',
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT ledger_entries_side_ck CHECK (side IN ('DEBIT', 'CREDIT')),
    CONSTRAINT ledger_entries_amount_ck CHECK (amount_units > 0)
);
CREATE INDEX ledger_entries_account_idx ON ledger_entries (account, id);
CREATE INDEX ledger_entries_group_idx ON ledger_entries (entry_group);

-- Caller-chosen idempotency keys stored with the work: "exists, identical" replays the response,
-- "exists, different request" is its own error; completed_at null means still in flight.
CREATE TABLE idempotency_keys (
    scope           VARCHAR(100) NOT NULL,                     -- the caller (agent id) and operation
    idem_key        VARCHAR(200) NOT NULL,
    request_hash    VARCHAR(64)  NOT NULL,                     -- SHA-256 of the canonical request
    response_status INTEGER,
    response_body   TEXT,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    completed_at    TIMESTAMP WITH TIME ZONE,
    expires_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (scope, idem_key),
    CONSTRAINT idempotency_keys_status_ck CHECK (response_status IS NULL OR response_status BETWEEN 100 AND 599)
);
CREATE INDEX idempotency_keys_expiry_idx ON idempotency_keys (expires_at);
