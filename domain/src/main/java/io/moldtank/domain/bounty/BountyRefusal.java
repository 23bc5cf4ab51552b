package io.moldtank.domain.bounty;

import io.moldtank.domain.shared.Reason;

/** Why a bounty refused a move. */
public enum BountyRefusal implements Reason {
    ILLEGAL_TRANSITION,
    NOT_POSTER,
    DEADLINE_IN_PAST,
    DEADLINE_PASSED,
    DEADLINE_NOT_PASSED,
    DEPOSIT_MISMATCH,
    CANCEL_WITH_SUBMISSIONS,
    OWN_BOUNTY,
    DUPLICATE_SUBMISSION,
    UNKNOWN_SUBMISSION,
    VERDICT_ALREADY_FINAL,
    VALIDATIONS_PENDING,
    REFUND_TOO_EARLY,
    ALREADY_AWARDED,
    /** The submission carries a file the test runner would read as its own (see RunnerFiles). */
    RUNNER_FILE;
}
