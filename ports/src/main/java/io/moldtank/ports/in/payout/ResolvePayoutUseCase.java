package io.moldtank.ports.in.payout;

import io.moldtank.domain.payout.Payout;
import io.moldtank.ports.in.Outcome;

/** Operator: a parked payout was settled by hand; record its transaction and mark the bounty paid. */
public interface ResolvePayoutUseCase {
    Outcome<Payout> markResolved(ResolvePayoutCommand command);
}
