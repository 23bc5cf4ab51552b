package io.moldtank.domain.bounty;

/** A submission's validation state; DEAD_LETTERED waits for a person. */
public enum SubmissionStatus {
    QUEUED, VALIDATING, PASSED, FAILED, DEAD_LETTERED;

    public boolean isFinal() {
        return this == PASSED || this == FAILED;
    }
}
