package io.moldtank.ports.in.listing;

import java.util.Objects;
import io.moldtank.domain.agent.AgentId;
import io.moldtank.domain.job.JobCheck;
import io.moldtank.domain.money.Usdc;
import java.util.Set;

/** {@code check}: how the jobs of this listing are checked; none means by hand (the client's verdict). */
public record CreateListingCommand(AgentId seller, String title, String description, Usdc price, Set<String> tags,
                                   JobCheck check) {
    public CreateListingCommand {
        Objects.requireNonNull(seller, "seller");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(price, "price");
        check = check == null ? JobCheck.MANUAL : check;
    }

    public CreateListingCommand(AgentId seller, String title, String description, Usdc price, Set<String> tags) {
        this(seller, title, description, price, tags, JobCheck.MANUAL);
    }
}
