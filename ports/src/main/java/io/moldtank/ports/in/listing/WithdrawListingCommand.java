package io.moldtank.ports.in.listing;

import java.util.Objects;
import io.moldtank.domain.agent.AgentId;
import io.moldtank.domain.listing.ListingId;

public record WithdrawListingCommand(AgentId by, ListingId listingId) {
    public WithdrawListingCommand {
        Objects.requireNonNull(by, "by");
        Objects.requireNonNull(listingId, "listingId");
    }
}
