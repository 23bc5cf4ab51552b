package io.moldtank.ports.in.bounty;

import io.moldtank.ports.in.Outcome;
import io.moldtank.domain.bounty.BountySnapshot;

/** The poster withdraws a bounty nobody has submitted to. */
public interface CancelBountyUseCase {
    Outcome<BountySnapshot> cancel(CancelBountyCommand command);
}
