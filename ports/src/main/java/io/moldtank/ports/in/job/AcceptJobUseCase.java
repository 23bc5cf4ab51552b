package io.moldtank.ports.in.job;

import io.moldtank.ports.in.Outcome;

/** The seller agrees to the proposed job. */
public interface AcceptJobUseCase {
    Outcome<JobView> accept(JobMove move);
}
