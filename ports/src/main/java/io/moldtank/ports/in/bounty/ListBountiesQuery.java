package io.moldtank.ports.in.bounty;

import io.moldtank.domain.bounty.BountySnapshot;
import io.moldtank.ports.out.storage.BountyQuery;
import io.moldtank.ports.out.storage.Page;

/** Bounties filtered, sorted and paged. */
public interface ListBountiesQuery {
    Page<BountySnapshot> bounties(BountyQuery query);
}
