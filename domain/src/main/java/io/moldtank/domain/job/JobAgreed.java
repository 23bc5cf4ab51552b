package io.moldtank.domain.job;

import java.time.Instant;

public record JobAgreed(JobId jobId, Instant occurredAt) implements JobEvent {}
