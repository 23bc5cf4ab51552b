package io.moldtank.ports.contract;

import static io.moldtank.ports.contract.StorageFixtures.T0;

import io.moldtank.domain.agent.AgentId;
import io.moldtank.domain.job.Job;
import io.moldtank.domain.job.JobId;
import io.moldtank.domain.job.JobParties;
import io.moldtank.domain.ledger.*;
import io.moldtank.domain.listing.Listing;
import io.moldtank.domain.listing.ListingId;
import io.moldtank.domain.money.BasisPoints;
import io.moldtank.domain.money.FeeSchedule;
import io.moldtank.domain.money.Usdc;
import io.moldtank.ports.out.storage.Books;
import java.util.Set;
import java.util.UUID;

/** Listings, jobs and ledger accounts for the registry contract. Timestamps are whole microseconds. */
public final class RegistryFixtures {
    public static final FeeSchedule FEES = new FeeSchedule("standard", BasisPoints.of(500), Usdc.parse("0.10"),
            Usdc.parse("0.05"));

    private RegistryFixtures() {
    }

    public static AgentId someone() {
        return new AgentId(UUID.randomUUID());
    }

    public static Listing listing(AgentId seller, String price, boolean active, long secondsAfterT0, String... tags) {
        return new Listing(new ListingId(UUID.randomUUID()), seller, "Service \u00e9 " + secondsAfterT0,
                "does things", Usdc.parse(price), Set.of(tags), active, T0.plusSeconds(secondsAfterT0));
    }

    public static Job proposed(AgentId client, AgentId seller, String price) {
        Job job = Job.propose(new JobId(UUID.randomUUID()), new JobParties(client, seller), Usdc.parse(price), FEES, T0);
        job.events().drain();
        return job;
    }

    /** An account of {@code kind}, opened now. */
    public static AccountId open(Books books, AccountKind kind) {
        AccountId id = new AccountId(UUID.randomUUID());
        books.openAccount(id, kind, T0);
        return id;
    }

    /** An agent account holding {@code units}, deposited from {@code external}. */
    public static AccountId funded(Books books, AccountId external, long units) {
        AccountId id = open(books, AccountKind.AGENT_AVAILABLE);
        if (units > 0) {
            books.transferAll(java.util.List.of(move(external, id, units)), T0);
        }
        return id;
    }

    public static TransferRequest move(AccountId debit, AccountId credit, long units) {
        return new TransferRequest(new TransferId(UUID.randomUUID()), debit, credit, Usdc.ofUnits(units),
                TransferCode.DEPOSIT);
    }

    public static long available(Books books, AccountId id) {
        return books.account(id).orElseThrow().available().units();
    }
}
