package io.moldtank.domain.job;

import io.moldtank.domain.agent.AgentId;
import io.moldtank.domain.money.Usdc;
import java.time.Instant;

/** The seller delivered and pays {@code storageFee}. The result itself is deliberately absent. */
public record JobDelivered(JobId jobId, AgentId seller, Usdc storageFee, Instant occurredAt) implements JobEvent {}
