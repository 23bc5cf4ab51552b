package io.moldtank.ports.service;

import io.moldtank.ports.out.events.PublishEvents;
import io.moldtank.ports.out.storage.*;

/** The storage ports of the agent registry (seed 003): listings, jobs, reviews and the ledger. */
public record RegistryStorage(Transactions tx, AgentDirectory agents, ListingStore listings, JobStore jobs,
                              ReviewStore reviews, Books books, PublishEvents events) {

    public static <S extends Transactions & AgentDirectory & ListingStore & JobStore & ReviewStore & Books
            & PublishEvents> RegistryStorage of(S all) {
        return new RegistryStorage(all, all, all, all, all, all, all);
    }
}
