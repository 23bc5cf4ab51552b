package io.moldtank.ports.in;

import io.moldtank.domain.shared.Reason;

/** Refusals decided by the application services rather than by one aggregate. */
public enum ServiceRefusal implements Reason {
    AGENT_UNKNOWN,
    DEPOSIT_NOT_CONFIRMED,
    DEPOSIT_INVALID,
    NO_SIMULATED_CHAIN,
    QUORUM_UNAVAILABLE;
}
