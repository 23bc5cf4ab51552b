package io.moldtank.domain.bounty;

import io.moldtank.domain.shared.Reason;

/** Why a bounty refused a move. */
public enum BountyRefusal implements Reason {
    ILLEGAL_TRANSITION("illegal-transition"),
    NOT_POSTER("not-poster"),
    DEADLINE_IN_PAST("deadline-in-past"),
    DEADLINE_PASSED("deadline-passed"),
    DEADLINE_NOT_PASSED("deadline-not-passed"),
    DEPOSIT_MISMATCH("deposit-mismatch"),
    CANCEL_WITH_SUBMISSIONS("cancel-with-submissions"),
    OWN_BOUNTY("own-bounty"),
    DUPLICATE_SUBMISSION("duplicate-submission"),
    UNKNOWN_SUBMISSION("unknown-submission"),
    VERDICT_ALREADY_FINAL("verdict-already-final"),
    VALIDATIONS_PENDING("validations-pending"),
    REFUND_TOO_EARLY("refund-too-early"),
    ALREADY_AWARDED("already-awarded");

    private final String code;

    BountyRefusal(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }
}
