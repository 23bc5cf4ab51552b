package io.moldtank.domain.reputation;

import io.moldtank.domain.job.JobId;
import io.moldtank.domain.job.JobParties;
import io.moldtank.domain.job.JobStatus;
import io.moldtank.domain.ledger.Transfer;
import io.moldtank.domain.money.Usdc;
import java.util.List;
import java.util.Objects;

/**
 * A job as storage knows it, with the ledger transfers recorded under its named ids
 * ({@code JobMoneyFlows.transferOf}). Its status alone proves nothing: {@link Reckoning} counts it only
 * when the ledger holds the matching release or refund.
 */
public record JobFact(JobId id, JobParties parties, JobStatus status, Usdc price, List<Transfer> transfers) {
    public JobFact {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(parties, "parties");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(price, "price");
        transfers = List.copyOf(transfers);
    }
}
