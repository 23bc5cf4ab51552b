package io.moldtank.domain.job;

import io.moldtank.domain.agent.AgentId;
import io.moldtank.domain.money.Usdc;
import java.time.Instant;

/** The client's {@code amount} (the price) moves into the job's escrow. */
public record JobFunded(JobId jobId, AgentId client, Usdc amount, Instant occurredAt) implements JobEvent {}
