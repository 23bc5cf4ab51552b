package io.moldtank.ports.in.job;

import io.moldtank.ports.in.Outcome;

/** The seller starts work on a funded job. */
public interface StartJobUseCase {
    Outcome<JobView> start(JobMove move);
}
