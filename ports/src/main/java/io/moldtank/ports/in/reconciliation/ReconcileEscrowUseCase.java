package io.moldtank.ports.in.reconciliation;

import java.util.Optional;

/** Compares the escrow on chain with the books, repairs what is safe, reports the rest. */
public interface ReconcileEscrowUseCase {

    /** A run now, unless another node is running one (empty). */
    Optional<ReconciliationReport> reconcileNow();

    /** A run if none finished within the last {@code interval} on any node (empty when skipped). */
    Optional<ReconciliationReport> reconcileIfDue(java.time.Duration interval);

    /** The last run this node made, if any. */
    Optional<ReconciliationReport> lastRun();
}
