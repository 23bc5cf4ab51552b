package io.moldtank.domain.job;

import io.moldtank.domain.money.Usdc;
import java.time.Instant;

/**
 * Verification failed: escrow refunds {@code refund} (the whole price) to the client, who still pays
 * {@code verificationFee} because the check ran (zero after a sandbox check: {@link JobCheckQueued} charged it);
 * the seller's storage fee is not returned.
 */
public record JobFailed(JobId jobId, JobParties parties, Usdc refund, Usdc verificationFee, Instant occurredAt)
    implements JobEvent {}
