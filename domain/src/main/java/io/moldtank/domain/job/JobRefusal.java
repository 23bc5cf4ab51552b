package io.moldtank.domain.job;

import io.moldtank.domain.shared.Reason;

public enum JobRefusal implements Reason {
    /** The caller is neither the client nor the seller of this job. */
    NOT_A_PARTY("not-a-party"),
    /** The caller is a party, but this move belongs to the other one. */
    WRONG_PARTY("wrong-party"),
    /** The move is not allowed from the job's current status. */
    ILLEGAL_TRANSITION("illegal-transition"),
    /** An agent cannot hire itself. */
    CLIENT_IS_SELLER("client-is-seller"),
    /** A job must be worth something to escrow. */
    ZERO_PRICE("zero-price"),
    /** A job checked by hand needs the client's verdict. */
    VERDICT_REQUIRED("verdict-required"),
    /** A job checked in the sandbox gets its verdict from the check, never from the client. */
    VERDICT_ON_CHECKED_JOB("verdict-on-checked-job"),
    /** Only a dead-lettered check can be queued again by an operator. */
    CHECK_NOT_DEAD_LETTERED("check-not-dead-lettered"),
    /** A worker's result for a check attempt that is no longer the current one (its lease lapsed). */
    CHECK_ATTEMPT_SUPERSEDED("check-attempt-superseded");

    private final String code;

    JobRefusal(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }
}
