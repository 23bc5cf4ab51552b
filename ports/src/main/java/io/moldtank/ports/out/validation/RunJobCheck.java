package io.moldtank.ports.out.validation;

import io.moldtank.domain.job.JobCheck;
import io.moldtank.domain.job.JobResult;
import io.moldtank.domain.validation.Vote;

/**
 * Runs a job's sandbox check on its delivered result, with the runner and evidence rule that judge
 * bounties. Always answers: PASS or FAIL (with {@code details.reason}) when the check decided, ERROR
 * when the sandbox could not run it (the caller retries); never PASS without evidence. Details keep
 * what a rerun needs; {@code stdoutTail} and {@code stderrTail} may quote the result.
 */
public interface RunJobCheck {
    Vote run(JobCheck.Sandboxed check, JobResult result);
}
