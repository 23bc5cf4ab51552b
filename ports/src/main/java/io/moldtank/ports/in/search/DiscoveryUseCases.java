package io.moldtank.ports.in.search;

import io.moldtank.ports.out.search.BountyHit;
import io.moldtank.ports.out.search.BountySearch;
import io.moldtank.ports.out.search.ListingHit;
import io.moldtank.ports.out.storage.Page;

/** Finding listings and bounties by text, filters and order; a foreign cursor is an IllegalArgumentException. */
public interface DiscoveryUseCases {

    Page<ListingHit> discover(DiscoverQuery query);

    Page<BountyHit> searchBounties(BountySearch query);
}
