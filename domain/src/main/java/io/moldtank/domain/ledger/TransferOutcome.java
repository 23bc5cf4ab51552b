package io.moldtank.domain.ledger;

/** A transfer request that succeeded: newly recorded, or a retry of one already recorded identically. */
public sealed interface TransferOutcome {
    Transfer transfer();

    record Recorded(Transfer transfer) implements TransferOutcome {}

    /** The same id with the same content was recorded before; nothing moved this time. */
    record AlreadyRecorded(Transfer transfer) implements TransferOutcome {}
}
