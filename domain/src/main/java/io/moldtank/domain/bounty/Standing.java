package io.moldtank.domain.bounty;

/** Where a submission stands for the award: PENDING until its verdict is final. */
public enum Standing {
    PENDING, PASSED, FAILED;

    public boolean isFinal() {
        return this != PENDING;
    }
}
