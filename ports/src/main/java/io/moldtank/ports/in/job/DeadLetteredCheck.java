package io.moldtank.ports.in.job;

import io.moldtank.domain.agent.AgentId;
import io.moldtank.domain.job.CheckRun;
import io.moldtank.domain.job.JobId;
import io.moldtank.domain.money.Usdc;
import java.util.Objects;

/** A job whose check used up its attempts, as an operator sees it: who, how much, and the last error. */
public record DeadLetteredCheck(JobId jobId, AgentId client, AgentId seller, Usdc price, String kind, CheckRun run) {
    public DeadLetteredCheck {
        Objects.requireNonNull(jobId, "jobId");
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(seller, "seller");
        Objects.requireNonNull(price, "price");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(run, "run");
    }
}
