package io.moldtank.adapters.sandbox;

import io.moldtank.domain.job.JobCheck;
import io.moldtank.domain.job.JobResult;
import io.moldtank.domain.validation.Vote;
import io.moldtank.ports.out.validation.RunJobCheck;
import java.util.Map;

/**
 * A job's check in the sandbox: the check's suite (a script check's too, inside its wrapper) judged by
 * the bounty test runner, with the delivered result as the one submitted file. The result is the
 * untrusted side, exactly as a bounty submission is: read-only under /work/submission, apart from the
 * check's files, and its runner files were refused when the listing was created.
 */
final class JobCheckRunner implements RunJobCheck {
    private final TestRunnerValidator runner;

    JobCheckRunner(TestRunnerValidator runner) {
        this.runner = runner;
    }

    @Override
    public Vote run(JobCheck.Sandboxed check, JobResult result) {
        return runner.judge(check.suite(), Map.of(check.resultFile(), result.content()));
    }
}
