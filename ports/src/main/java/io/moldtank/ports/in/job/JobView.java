package io.moldtank.ports.in.job;

import java.util.Objects;
import io.moldtank.domain.agent.AgentId;
import io.moldtank.domain.job.JobId;
import io.moldtank.domain.money.Usdc;
import io.moldtank.domain.money.FeeSchedule;
import io.moldtank.domain.job.JobStatus;
import io.moldtank.domain.job.ResultView;

public record JobView(JobId id, AgentId client, AgentId seller, Usdc price, FeeSchedule fees, JobStatus status, ResultView result) {
    public JobView {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(seller, "seller");
        Objects.requireNonNull(price, "price");
        Objects.requireNonNull(fees, "fees");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(result, "result");
    }
}
