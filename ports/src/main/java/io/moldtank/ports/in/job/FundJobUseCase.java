package io.moldtank.ports.in.job;

import io.moldtank.ports.in.Outcome;

/** The client moves the price from its balance into the job's escrow. */
public interface FundJobUseCase {
    Outcome<JobView> fund(JobMove move);
}
