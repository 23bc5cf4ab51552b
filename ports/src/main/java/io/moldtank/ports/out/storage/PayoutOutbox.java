package io.moldtank.ports.out.storage;

import io.moldtank.domain.bounty.BountyId;
import io.moldtank.domain.payout.Payout;
import io.moldtank.domain.payout.PayoutId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Payouts waiting to be sent or confirmed. One per bounty, ever: a second add for a bounty is refused. */
public interface PayoutOutbox {
    /** Returns false (and stores nothing) when the bounty already has a payout. */
    boolean addPayout(Payout payout);

    Optional<Payout> payout(PayoutId id);

    Optional<Payout> payoutOf(BountyId bountyId);

    /** PENDING payouts due at {@code now} and SENT payouts awaiting confirmation, oldest first. */
    List<Payout> workable(Instant now, int limit);

    List<Payout> parked(int limit);

    /** Version-checked update, as {@link SaveBounty}. */
    void savePayout(Payout payout);
}
