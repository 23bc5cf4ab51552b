package io.moldtank.ports.service;

import io.moldtank.ports.in.search.DiscoverQuery;
import io.moldtank.ports.in.search.DiscoveryUseCases;
import io.moldtank.ports.out.search.BountyHit;
import io.moldtank.ports.out.search.BountySearch;
import io.moldtank.ports.out.search.ListingHit;
import io.moldtank.ports.out.search.ListingSearch;
import io.moldtank.ports.out.search.SearchBounties;
import io.moldtank.ports.out.search.SearchListings;
import io.moldtank.ports.out.storage.Page;
import java.util.Locale;
import java.util.Objects;

/**
 * Discovery: listings by text, tag, price and seller reputation (a seller never reckoned counts as
 * {@code unknownScore}, the neutral score), and bounties by text. {@code counted} hears each query's
 * target ("listings", "bounties") and sort, for the metrics.
 */
public final class Discovering implements DiscoveryUseCases {
    /** Hears each query answered. */
    @FunctionalInterface
    public interface Counter {
        void count(String target, String sort, boolean text);
    }

    private final SearchListings listings;
    private final SearchBounties bounties;
    private final int unknownScore;
    private final Counter counted;

    public Discovering(SearchListings listings, SearchBounties bounties, int unknownScore, Counter counted) {
        this.listings = Objects.requireNonNull(listings, "listings");
        this.bounties = Objects.requireNonNull(bounties, "bounties");
        this.unknownScore = unknownScore;
        this.counted = Objects.requireNonNull(counted, "counted");
    }

    @Override
    public Page<ListingHit> discover(DiscoverQuery q) {
        ListingSearch search = new ListingSearch(q.text(), q.tag(), q.maxPrice(), q.minReputation(), q.sort(), q.after(),
                q.limit(), unknownScore);
        Page<ListingHit> page = listings.searchListings(search);
        counted.count("listings", search.sort().name().toLowerCase(Locale.ROOT), q.text() != null);
        return page;
    }

    @Override
    public Page<BountyHit> searchBounties(BountySearch q) {
        Page<BountyHit> page = bounties.searchBounties(q);
        counted.count("bounties", q.sort().name().toLowerCase(Locale.ROOT), true);
        return page;
    }
}
