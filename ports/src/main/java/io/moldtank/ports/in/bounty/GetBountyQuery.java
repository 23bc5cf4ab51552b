package io.moldtank.ports.in.bounty;

import io.moldtank.ports.in.Outcome;
import io.moldtank.domain.bounty.BountyId;
import io.moldtank.domain.bounty.BountySnapshot;

/** One bounty. */
public interface GetBountyQuery {
    Outcome<BountySnapshot> bounty(BountyId id);
}
