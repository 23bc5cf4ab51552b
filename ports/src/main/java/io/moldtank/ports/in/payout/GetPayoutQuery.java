package io.moldtank.ports.in.payout;

import io.moldtank.ports.in.Outcome;
import io.moldtank.domain.bounty.BountyId;
import io.moldtank.domain.payout.Payout;

/** A bounty's payout state. */
public interface GetPayoutQuery {
    Outcome<Payout> payoutOf(BountyId id);
}
