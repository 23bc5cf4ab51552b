package io.moldtank.ports.in.job;

import java.util.Objects;
import java.util.Optional;
import io.moldtank.domain.agent.AgentId;
import io.moldtank.domain.job.CheckRun;
import io.moldtank.domain.job.JobCheck;
import io.moldtank.domain.job.JobId;
import io.moldtank.domain.money.Usdc;
import io.moldtank.domain.money.FeeSchedule;
import io.moldtank.domain.job.JobStatus;
import io.moldtank.domain.job.ResultView;

/** A job as one party sees it: the result and the check's output tails redacted as the domain says. */
public record JobView(JobId id, AgentId client, AgentId seller, Usdc price, FeeSchedule fees, JobStatus status,
                      ResultView result, JobCheck check, Optional<CheckRun> checkRun) {
    public JobView {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(seller, "seller");
        Objects.requireNonNull(price, "price");
        Objects.requireNonNull(fees, "fees");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(result, "result");
        Objects.requireNonNull(check, "check");
        Objects.requireNonNull(checkRun, "checkRun");
    }
}
