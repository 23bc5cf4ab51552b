package io.moldtank.ports.in.reconciliation;

/** Everything an operator does with reconciliation, as one handle for the edge to hold. */
public interface ReconciliationUseCases extends ReconcileEscrowUseCase, ListDifferencesQuery,
        AcknowledgeDifferenceUseCase {
}
