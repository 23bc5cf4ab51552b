package io.moldtank.ports.in.job;

import io.moldtank.ports.in.Outcome;

/**
 * The client of a sandbox-checked job asks for its check ({@code POST /jobs/{id}/verify} with no
 * verdict): the job becomes VERIFYING with its check queued and the verification fee charged, in one
 * transaction. Asking again while it waits answers the same pending job.
 */
public interface RequestJobCheckUseCase {
    Outcome<JobView> requestCheck(JobMove move);
}
