-- Issue 14 §1: jobs verified in the sandbox. A listing declares how its jobs are checked and a job copies
-- it (check_spec, JSON; NULL: by hand). A checked job's verification is part of the job row, so asking
-- for it, leasing it to a worker, retrying and dead-lettering it commit with the job's own status and
-- money: check_run is the run as JSON (attempts, last error, the verdict record), and its state and times
-- are copied into columns for the queue's queries. Plain ALTERs and CHECKs: the same file on H2 and PostgreSQL.
ALTER TABLE listings ADD COLUMN check_spec TEXT;

ALTER TABLE jobs ADD COLUMN check_spec TEXT;
ALTER TABLE jobs ADD COLUMN check_run TEXT;
ALTER TABLE jobs ADD COLUMN check_state VARCHAR(16);
ALTER TABLE jobs ADD COLUMN check_due_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE jobs ADD COLUMN check_queued_at TIMESTAMP WITH TIME ZONE;

ALTER TABLE jobs DROP CONSTRAINT jobs_status_ck;
ALTER TABLE jobs ADD CONSTRAINT jobs_status_ck CHECK (status IN ('PROPOSED', 'AGREED', 'FUNDED', 'IN_PROGRESS',
    'DELIVERED', 'VERIFYING', 'COMPLETED', 'FAILED', 'CANCELLED'));
ALTER TABLE jobs DROP CONSTRAINT jobs_result_ck;
ALTER TABLE jobs ADD CONSTRAINT jobs_result_ck CHECK ((result IS NULL) = (status NOT IN ('DELIVERED', 'VERIFYING',
    'COMPLETED', 'FAILED')));
-- the backstops of JobSnapshot's rules: a run exactly for a checked job, and in progress exactly while VERIFYING
ALTER TABLE jobs ADD CONSTRAINT jobs_check_state_ck CHECK (
    (check_run IS NULL AND check_state IS NULL AND check_due_at IS NULL AND check_queued_at IS NULL)
    OR (check_run IS NOT NULL AND check_spec IS NOT NULL AND check_queued_at IS NOT NULL
        AND check_state IN ('QUEUED', 'RUNNING', 'DEAD_LETTERED', 'DONE')
        AND (check_due_at IS NOT NULL) = (check_state IN ('QUEUED', 'RUNNING'))));
ALTER TABLE jobs ADD CONSTRAINT jobs_verifying_ck CHECK ((status = 'VERIFYING')
    = (COALESCE(check_state, 'NONE') IN ('QUEUED', 'RUNNING', 'DEAD_LETTERED')));

-- workers: waiting checks by due time; operators: dead letters by when they were asked for
CREATE INDEX jobs_check_due_idx ON jobs (check_state, check_due_at);
CREATE INDEX jobs_check_queued_idx ON jobs (check_state, check_queued_at);
