package io.moldtank.domain.job;

import io.moldtank.domain.agent.AgentId;
import java.time.Instant;

/** Cancelled before funding, so no money moves. */
public record JobCancelled(JobId jobId, AgentId by, Instant occurredAt) implements JobEvent {}
