package io.moldtank.ports.in.listing;

import java.util.Objects;
import io.moldtank.domain.agent.AgentId;
import io.moldtank.domain.money.Usdc;
import java.util.Set;

public record CreateListingCommand(AgentId seller, String title, String description, Usdc price, Set<String> tags) {
    public CreateListingCommand {
        Objects.requireNonNull(seller, "seller");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(price, "price");
    }
}
