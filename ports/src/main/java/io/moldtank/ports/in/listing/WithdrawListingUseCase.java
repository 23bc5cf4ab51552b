package io.moldtank.ports.in.listing;

import io.moldtank.ports.in.Outcome;
import io.moldtank.domain.listing.Listing;

/** The seller takes a listing down. */
public interface WithdrawListingUseCase {
    Outcome<Listing> withdraw(WithdrawListingCommand command);
}
