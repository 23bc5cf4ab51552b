package io.moldtank.domain.job;

import io.moldtank.domain.money.FeeSchedule;
import io.moldtank.domain.money.Usdc;
import java.time.Instant;

public record JobProposed(JobId jobId, JobParties parties, Usdc price, FeeSchedule fees, Instant occurredAt)
    implements JobEvent {}
