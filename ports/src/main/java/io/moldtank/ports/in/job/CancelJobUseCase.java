package io.moldtank.ports.in.job;

import io.moldtank.ports.in.Outcome;

/** Either party cancels before funding. */
public interface CancelJobUseCase {
    Outcome<JobView> cancel(JobMove move);
}
