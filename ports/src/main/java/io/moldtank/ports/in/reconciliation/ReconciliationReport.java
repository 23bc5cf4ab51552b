package io.moldtank.ports.in.reconciliation;

import io.moldtank.domain.reconciliation.Difference;
import io.moldtank.domain.reconciliation.Repair;
import java.time.Instant;
import java.util.List;

/** What one reconciliation run compared, repaired and found. */
public record ReconciliationReport(Instant startedAt, Instant finishedAt, int chainEntries, int bountiesCompared,
                                   List<Repair> repaired, List<Difference> differences, int openDifferences) {
    public ReconciliationReport {
        repaired = List.copyOf(repaired);
        differences = List.copyOf(differences);
    }
}
