package io.moldtank.adapters.persistence;

/**
 * Where PostgreSQL and H2 differ for the queue: only the claim. Both lock with
 * {@code FOR UPDATE SKIP LOCKED}; PostgreSQL does the whole claim in one
 * {@code UPDATE ... RETURNING} statement, H2 (which has no {@code RETURNING}) in a short transaction.
 */
enum SqlDialect {
    POSTGRES,
    H2;

    /** Claimable: due, not under a live lease, attempts left. Parameters: now, now, maxAttempts. */
    static final String CLAIMABLE = "%1$s.available_at <= ? AND (%1$s.lease_until IS NULL OR %1$s.lease_until <= ?)"
            + " AND %1$s.attempts < ?";

    /**
     * The oldest claimable arrival picks the bounty; that bounty's lowest claimable sequence is
     * handed out. Both selects skip rows other claimers hold, so claimers never wait on each other.
     * Parameters: token, worker, leaseUntil, then CLAIMABLE twice.
     */
    static final String POSTGRES_CLAIM = """
            UPDATE submission_queue q
               SET attempts = q.attempts + 1, lease_token = ?, worker_id = ?, lease_until = ?
             WHERE q.id = (
                   SELECT c.id FROM submission_queue c
                    WHERE c.bounty_id = (
                          SELECT h.bounty_id FROM submission_queue h
                           WHERE %s
                           ORDER BY h.id LIMIT 1 FOR UPDATE SKIP LOCKED)
                      AND %s
                    ORDER BY c.sequence_no LIMIT 1 FOR UPDATE SKIP LOCKED)
            RETURNING q.bounty_id, q.sequence_no, q.submission_id, q.attempts
            """.formatted(CLAIMABLE.formatted("h"), CLAIMABLE.formatted("c"));

    static final String H2_HEAD = "SELECT h.bounty_id FROM submission_queue h WHERE " + CLAIMABLE.formatted("h")
            + " ORDER BY h.id LIMIT 1 FOR UPDATE SKIP LOCKED";

    static final String H2_PICK = "SELECT c.id FROM submission_queue c WHERE c.bounty_id = ? AND " + CLAIMABLE.formatted("c")
            + " ORDER BY c.sequence_no LIMIT 1 FOR UPDATE SKIP LOCKED";

    static final String H2_LEASE = "UPDATE submission_queue q SET attempts = q.attempts + 1, lease_token = ?, worker_id = ?,"
            + " lease_until = ? WHERE q.id = ? AND " + CLAIMABLE.formatted("q");

    static final String H2_READ = "SELECT bounty_id, sequence_no, submission_id, attempts FROM submission_queue WHERE id = ?";
}
