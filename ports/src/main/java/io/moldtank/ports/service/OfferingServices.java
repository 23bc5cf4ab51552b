package io.moldtank.ports.service;

import io.moldtank.domain.listing.Listing;
import io.moldtank.domain.listing.ListingId;
import io.moldtank.domain.shared.IdGenerator;
import io.moldtank.ports.in.Outcome;
import io.moldtank.ports.in.listing.*;
import io.moldtank.ports.out.storage.ListingQuery;
import io.moldtank.ports.out.storage.Page;
import java.time.Clock;

/** Sellers list services and take them down; clients discover them. */
public final class OfferingServices implements CreateListingUseCase, WithdrawListingUseCase, DiscoverListingsQuery,
        GetListingQuery {
    private final RegistryStorage storage;
    private final Clock clock;
    private final IdGenerator ids;

    public OfferingServices(RegistryStorage storage, Clock clock, IdGenerator ids) {
        this.storage = storage;
        this.clock = clock;
        this.ids = ids;
    }

    @Override
    public Outcome<Listing> create(CreateListingCommand c) {
        return Retrying.inTransaction(storage.tx(), () -> {
            ActiveAgents.require(storage.agents(), c.seller());
            Listing listing = new Listing(new ListingId(ids.next()), c.seller(), c.title(), c.description(), c.price(),
                    c.tags(), true, clock.instant(), c.check());
            storage.listings().saveListing(listing);
            return Outcome.done(listing);
        });
    }

    @Override
    public Outcome<Listing> withdraw(WithdrawListingCommand c) {
        return Retrying.inTransaction(storage.tx(), () -> storage.listings().listing(c.listingId())
                .<Outcome<Listing>>map(l -> {
                    Listing gone = l.withdraw(c.by());
                    storage.listings().saveListing(gone);
                    return Outcome.done(gone);
                })
                .orElseGet(() -> Outcome.notFound("listing", c.listingId())));
    }

    @Override
    public Outcome<Listing> listing(ListingId id) {
        return storage.listings().listing(id).map(Outcome::done).orElseGet(() -> Outcome.notFound("listing", id));
    }

    @Override
    public Page<Listing> discover(ListingQuery query) {
        return storage.listings().discover(query);
    }
}
