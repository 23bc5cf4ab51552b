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
    ZERO_PRICE("zero-price");

    private final String code;

    JobRefusal(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }
}
