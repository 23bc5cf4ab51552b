package io.moldtank.ports.in;

import io.moldtank.domain.shared.Reason;

/** Refusals decided by the application services rather than by one aggregate. */
public enum ServiceRefusal implements Reason {
    AGENT_UNKNOWN("agent-unknown"),
    DEPOSIT_NOT_CONFIRMED("deposit-not-confirmed"),
    DEPOSIT_INVALID("deposit-invalid"),
    QUORUM_UNAVAILABLE("quorum-unavailable");

    private final String code;

    ServiceRefusal(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }
}
