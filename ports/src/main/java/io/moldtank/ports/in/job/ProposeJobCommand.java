package io.moldtank.ports.in.job;

import java.util.Objects;
import io.moldtank.domain.agent.AgentId;
import io.moldtank.domain.listing.ListingId;

public record ProposeJobCommand(AgentId client, ListingId listingId) {
    public ProposeJobCommand {
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(listingId, "listingId");
    }
}
