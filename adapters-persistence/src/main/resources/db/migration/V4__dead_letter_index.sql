-- Operators list dead-lettered submissions oldest first (GET /api/v1/admin/submissions/dead-lettered).
-- A plain composite index: H2, the embedded default, has no partial indexes.
CREATE INDEX submissions_status_received_idx ON submissions (status, received_at, id);
