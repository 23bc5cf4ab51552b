package io.moldtank.domain.job;

import java.time.Instant;

public record JobStarted(JobId jobId, Instant occurredAt) implements JobEvent {}
