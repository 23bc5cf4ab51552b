package io.moldtank.domain.job;

import io.moldtank.domain.money.FeeSchedule;
import io.moldtank.domain.money.Usdc;
import java.util.Objects;
import java.util.Optional;

/**
 * A job's full state, for persistence adapters to store and load. It holds the delivered result
 * unredacted, so it must never be returned to an API caller: answer agents through
 * {@link Job#resultFor} instead. {@code check} is the check copied from the listing; {@code run} is
 * the sandbox check's progress and verdict (a manual job never has one).
 */
public record JobSnapshot(JobId id, JobParties parties, Usdc price, FeeSchedule fees,
                          JobStatus status, Optional<JobResult> result, JobCheck check, Optional<CheckRun> run) {
    public JobSnapshot {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(parties, "parties");
        Objects.requireNonNull(price, "price");
        Objects.requireNonNull(fees, "fees");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(result, "result");
        Objects.requireNonNull(check, "check");
        Objects.requireNonNull(run, "run");
        if (status.hasResult() != result.isPresent()) {
            throw new IllegalArgumentException("a " + status + " job " + (status.hasResult() ? "needs" : "cannot have")
                + " a result");
        }
        if (price.isZero()) {
            throw new IllegalArgumentException("a job price cannot be zero");
        }
        boolean pending = run.isPresent() && run.get().state() != CheckRun.State.DONE;
        if ((status == JobStatus.VERIFYING) != pending) {
            throw new IllegalArgumentException("exactly a VERIFYING job has a check in progress");
        }
        if (run.isPresent() && !(check instanceof JobCheck.Sandboxed)) {
            throw new IllegalArgumentException("only a sandbox-checked job has a check run");
        }
        if (run.isPresent() && run.get().state() == CheckRun.State.DONE
                && run.get().verdict().outcome() != (status == JobStatus.COMPLETED ? Verdict.PASSED : Verdict.FAILED)) {
            throw new IllegalArgumentException("a checked job ends as its verdict says");
        }
        if (check instanceof JobCheck.Sandboxed && (status == JobStatus.COMPLETED || status == JobStatus.FAILED)
                && run.isEmpty()) {
            throw new IllegalArgumentException("a sandbox-checked job ends with its verdict record");
        }
    }

    /** A job checked by hand (the client's verdict), with no check run. */
    public JobSnapshot(JobId id, JobParties parties, Usdc price, FeeSchedule fees, JobStatus status,
                       Optional<JobResult> result) {
        this(id, parties, price, fees, status, result, JobCheck.MANUAL, Optional.empty());
    }
}
