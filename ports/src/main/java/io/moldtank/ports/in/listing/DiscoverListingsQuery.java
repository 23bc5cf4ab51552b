package io.moldtank.ports.in.listing;

import io.moldtank.domain.listing.Listing;
import io.moldtank.ports.out.storage.ListingQuery;
import io.moldtank.ports.out.storage.Page;

/** Active listings, newest first. */
public interface DiscoverListingsQuery {
    Page<Listing> discover(ListingQuery query);
}
