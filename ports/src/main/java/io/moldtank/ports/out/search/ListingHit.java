package io.moldtank.ports.out.search;

import io.moldtank.domain.listing.Listing;
import java.util.Objects;

/** A listing discovery found, its seller's kept reputation score, and its text rank (null without a text). */
public record ListingHit(Listing listing, int reputation, Float relevance) {
    public ListingHit {
        Objects.requireNonNull(listing, "listing");
    }
}
