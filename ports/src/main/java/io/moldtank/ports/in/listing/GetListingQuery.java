package io.moldtank.ports.in.listing;

import io.moldtank.domain.listing.Listing;
import io.moldtank.domain.listing.ListingId;
import io.moldtank.ports.in.Outcome;

/** One listing by id, active or withdrawn (a client holding an old link learns it is gone). */
public interface GetListingQuery {
    Outcome<Listing> listing(ListingId id);
}
