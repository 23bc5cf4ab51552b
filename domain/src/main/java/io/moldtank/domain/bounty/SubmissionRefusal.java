package io.moldtank.domain.bounty;

import io.moldtank.domain.shared.Reason;

/** Why a submission refused a validation step. */
public enum SubmissionRefusal implements Reason {
    NOT_QUEUED("not-queued"),
    NOT_VALIDATING("not-validating"),
    STALE_ATTEMPT("stale-attempt"),
    UNKNOWN_VALIDATOR("unknown-validator"),
    ALREADY_VOTED("already-voted"),
    NOT_DEAD_LETTERED("not-dead-lettered");

    private final String code;

    SubmissionRefusal(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }
}
