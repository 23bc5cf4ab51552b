package io.moldtank.ports.memory;

import io.moldtank.domain.a2a.CardState;
import io.moldtank.domain.agent.AgentId;
import io.moldtank.domain.bounty.BountySnapshot;
import io.moldtank.domain.listing.Listing;
import io.moldtank.ports.out.a2a.CardStore;
import io.moldtank.ports.out.reputation.ReputationScores;
import io.moldtank.ports.out.search.BountyHit;
import io.moldtank.ports.out.search.BountySearch;
import io.moldtank.ports.out.search.InProcessSearch;
import io.moldtank.ports.out.search.ListingHit;
import io.moldtank.ports.out.search.ListingSearch;
import io.moldtank.ports.out.search.SearchBounties;
import io.moldtank.ports.out.search.SearchListings;
import io.moldtank.ports.out.storage.BountyQuery;
import io.moldtank.ports.out.storage.ListingQuery;
import io.moldtank.ports.out.storage.Page;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Search over an {@link InMemoryStorage}, its card cache and kept scores: every candidate through {@link InProcessSearch}. */
public final class InMemorySearch implements SearchListings, SearchBounties {
    private final InMemoryStorage storage;
    private final CardStore cards;
    private final ReputationScores scores;
    private final InProcessSearch search = new InProcessSearch(10_000);

    public InMemorySearch(InMemoryStorage storage, CardStore cards, ReputationScores scores) {
        this.storage = storage;
        this.cards = cards;
        this.scores = scores;
    }

    @Override
    public Page<ListingHit> searchListings(ListingSearch q) {
        List<Listing> active = all(after -> storage.discover(new ListingQuery(q.tag(), q.maxPrice(), after, 100)));
        var sellers = active.stream().map(Listing::seller).collect(Collectors.toSet());
        Map<AgentId, CardState> cardOf = cards.cards(sellers);
        Map<AgentId, Integer> scoreOf = scores.scores(sellers);
        return search.listings(q, active.stream().map(l -> new InProcessSearch.ListingCandidate(l,
                cardOf.containsKey(l.seller()) ? cardOf.get(l.seller()).card() : null, scoreOf.get(l.seller()))).toList());
    }

    @Override
    public Page<BountyHit> searchBounties(BountySearch q) {
        return search.bounties(q, all(after -> storage.findBounties(new BountyQuery(q.status(), q.tag(),
                q.minReward(), q.maxReward(), BountyQuery.Sort.NEWEST, after, BountyQuery.MAX_LIMIT))));
    }

    private static <T> List<T> all(Function<String, Page<T>> pages) {
        List<T> out = new ArrayList<>();
        String after = null;
        do {
            Page<T> page = pages.apply(after);
            out.addAll(page.items());
            after = page.next();
        } while (after != null);
        return out;
    }
}
