package io.moldtank.domain.job;

import io.moldtank.domain.money.FeeSplit;
import io.moldtank.domain.money.Usdc;
import java.time.Instant;

/**
 * Verification passed: escrow pays {@code payout.net()} to the seller and {@code payout.fee()} to the
 * platform; the client pays {@code verificationFee} (zero after a sandbox check: {@link JobCheckQueued} charged it).
 */
public record JobCompleted(JobId jobId, JobParties parties, FeeSplit payout, Usdc verificationFee, Instant occurredAt)
    implements JobEvent {}
