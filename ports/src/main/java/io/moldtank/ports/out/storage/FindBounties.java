package io.moldtank.ports.out.storage;

import io.moldtank.domain.bounty.BountyId;
import io.moldtank.domain.bounty.BountySnapshot;
import java.time.Instant;
import java.util.List;

public interface FindBounties {
    Page<BountySnapshot> findBounties(BountyQuery query);

    /** OPEN bounties whose deadline is at or before {@code now}, for the expiry sweep. */
    List<BountyId> openPastDeadline(Instant now, int limit);
}
