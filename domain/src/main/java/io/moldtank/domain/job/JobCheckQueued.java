package io.moldtank.domain.job;

import io.moldtank.domain.agent.AgentId;
import io.moldtank.domain.money.Usdc;
import java.time.Instant;

/**
 * The client asked the platform to check the delivered result in the sandbox, and pays
 * {@code verificationFee} now, once, whatever the verdict and however many tries the check needs.
 */
public record JobCheckQueued(JobId jobId, AgentId client, Usdc verificationFee, Instant occurredAt) implements JobEvent {}
