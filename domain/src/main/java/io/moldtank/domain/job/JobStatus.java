package io.moldtank.domain.job;

/**
 * Seed 003: PROPOSED → AGREED → FUNDED → IN_PROGRESS → DELIVERED → COMPLETED | FAILED; CANCELLED before
 * funding. A job checked in the sandbox passes through VERIFYING while its check is queued or running.
 */
public enum JobStatus {
    PROPOSED,
    AGREED,
    FUNDED,
    IN_PROGRESS,
    DELIVERED,
    VERIFYING,
    COMPLETED,
    FAILED,
    CANCELLED;

    /** Whether the client's price sits in escrow in this state. */
    public boolean escrowFunded() {
        return this == FUNDED || this == IN_PROGRESS || this == DELIVERED || this == VERIFYING;
    }

    /** Whether a result has been delivered (and is stored, whoever may see it). */
    public boolean hasResult() {
        return this == DELIVERED || this == VERIFYING || this == COMPLETED || this == FAILED;
    }

    public boolean isFinal() {
        return this == COMPLETED || this == FAILED || this == CANCELLED;
    }
}
