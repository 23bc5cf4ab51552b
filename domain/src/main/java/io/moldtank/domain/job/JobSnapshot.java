package io.moldtank.domain.job;

import io.moldtank.domain.money.FeeSchedule;
import io.moldtank.domain.money.Usdc;
import java.util.Objects;
import java.util.Optional;

/**
 * A job's full state, for persistence adapters to store and load. It holds the delivered result
 * unredacted, so it must never be returned to an API caller: answer agents through
 * {@link Job#resultFor} instead.
 */
public record JobSnapshot(JobId id, JobParties parties, Usdc price, FeeSchedule fees,
                          JobStatus status, Optional<JobResult> result) {
    public JobSnapshot {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(parties, "parties");
        Objects.requireNonNull(price, "price");
        Objects.requireNonNull(fees, "fees");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(result, "result");
        if (status.hasResult() != result.isPresent()) {
            throw new IllegalArgumentException("a " + status + " job " + (status.hasResult() ? "needs" : "cannot have")
                + " a result");
        }
        if (price.isZero()) {
            throw new IllegalArgumentException("a job price cannot be zero");
        }
    }
}
