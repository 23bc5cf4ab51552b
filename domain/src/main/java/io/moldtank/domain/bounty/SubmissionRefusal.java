package io.moldtank.domain.bounty;

import io.moldtank.domain.shared.Reason;

/** Why a submission refused a validation step. */
public enum SubmissionRefusal implements Reason {
    NOT_QUEUED,
    NOT_VALIDATING,
    STALE_ATTEMPT,
    UNKNOWN_VALIDATOR,
    ALREADY_VOTED,
    NOT_DEAD_LETTERED;
}
