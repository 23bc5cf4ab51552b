package io.moldtank.ports.in.bounty;

import io.moldtank.ports.in.Outcome;
import io.moldtank.domain.bounty.BountySnapshot;

/** The poster reclaims an unawarded deposit after deadline + 24 h. */
public interface RefundBountyUseCase {
    Outcome<BountySnapshot> refund(RefundBountyCommand command);
}
