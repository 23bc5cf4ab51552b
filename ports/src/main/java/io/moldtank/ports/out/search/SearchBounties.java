package io.moldtank.ports.out.search;

import io.moldtank.ports.out.storage.Page;

/** Bounties by text, with the bounty list's filters and orders. */
public interface SearchBounties {
    /** A cursor not issued for this query's order is an {@link IllegalArgumentException}. */
    Page<BountyHit> searchBounties(BountySearch query);
}
