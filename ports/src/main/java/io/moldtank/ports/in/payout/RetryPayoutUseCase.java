package io.moldtank.ports.in.payout;

import io.moldtank.ports.in.Outcome;
import io.moldtank.domain.payout.Payout;
import io.moldtank.domain.payout.PayoutId;

/** Operator: try a parked payout again. */
public interface RetryPayoutUseCase {
    Outcome<Payout> retry(PayoutId id);
}
