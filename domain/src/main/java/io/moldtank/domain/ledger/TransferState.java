package io.moldtank.domain.ledger;

/** A simple transfer is POSTED at once; a hold starts PENDING and is resolved exactly once. */
public enum TransferState {
    PENDING,
    POSTED,
    VOIDED
}
