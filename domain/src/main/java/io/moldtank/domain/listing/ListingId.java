package io.moldtank.domain.listing;

import java.util.Objects;
import java.util.UUID;

public record ListingId(UUID value) {
    public ListingId {
        Objects.requireNonNull(value, "listingId");
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
