package io.moldtank.ports.out.storage;

import io.moldtank.domain.listing.Listing;
import io.moldtank.domain.listing.ListingId;
import java.util.Optional;

public interface ListingStore {
    /** Inserts or replaces the listing. */
    void saveListing(Listing listing);

    Optional<Listing> listing(ListingId id);

    /** Active listings, newest first, optionally with a tag and a price cap. */
    Page<Listing> discover(ListingQuery query);
}
