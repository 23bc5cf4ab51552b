package io.moldtank.ports.in.job;

import io.moldtank.ports.in.Outcome;

/** A job as its viewer may see it. */
public interface GetJobQuery {
    Outcome<JobView> job(JobMove view);
}
