package io.moldtank.ports.out.storage;

import io.moldtank.domain.reconciliation.Difference;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Differences between the chain and the books, kept for an operator. One record per (kind, bounty,
 * transaction): a difference found again keeps its first sighting; an open one that a run no longer
 * finds is closed as cleared.
 */
public interface DifferenceLog {

    /** Everything one full run found; returns how many records are open afterwards. */
    int recordRun(List<Difference> found, Instant now);

    /** Open records (not cleared), oldest first. */
    List<DifferenceRecord> openDifferences(int limit);

    /** Notes that an operator looked at it; it stays open until a run no longer finds it. Empty: no such record. */
    Optional<DifferenceRecord> acknowledge(long id, String by, String note, Instant now);

    record DifferenceRecord(long id, Difference difference, Instant firstSeen, Instant lastSeen, Instant clearedAt,
                            String acknowledgedBy, String note, Instant acknowledgedAt) {
    }
}
