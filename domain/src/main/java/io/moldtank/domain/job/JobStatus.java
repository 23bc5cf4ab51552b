package io.moldtank.domain.job;

/** Seed 003: PROPOSED → AGREED → FUNDED → IN_PROGRESS → DELIVERED → COMPLETED | FAILED; CANCELLED before funding. */
public enum JobStatus {
    PROPOSED,
    AGREED,
    FUNDED,
    IN_PROGRESS,
    DELIVERED,
    COMPLETED,
    FAILED,
    CANCELLED;

    /** Whether the client's price sits in escrow in this state. */
    public boolean escrowFunded() {
        return this == FUNDED || this == IN_PROGRESS || this == DELIVERED;
    }

    /** Whether a result has been delivered (and is stored, whoever may see it). */
    public boolean hasResult() {
        return this == DELIVERED || this == COMPLETED || this == FAILED;
    }

    public boolean isFinal() {
        return this == COMPLETED || this == FAILED || this == CANCELLED;
    }
}
