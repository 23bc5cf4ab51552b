package io.moldtank.ports.in.listing;

import io.moldtank.ports.in.Outcome;
import io.moldtank.domain.listing.Listing;

/** A seller lists a service. */
public interface CreateListingUseCase {
    Outcome<Listing> create(CreateListingCommand command);
}
