package io.moldtank.ports.out.search;

import io.moldtank.ports.out.storage.Page;

/** Discovery of listings by text, filters and order (PostgreSQL full text, or the embedded matcher). */
public interface SearchListings {
    /** A cursor not issued for this query's order is an {@link IllegalArgumentException}. */
    Page<ListingHit> searchListings(ListingSearch query);
}
