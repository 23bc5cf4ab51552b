package io.moldtank.ports.in.job;

import io.moldtank.ports.in.Outcome;

/** The client's verdict: escrow released to the seller (less the platform cut) or refunded. */
public interface VerifyJobUseCase {
    Outcome<JobView> verify(VerifyJobCommand command);
}
