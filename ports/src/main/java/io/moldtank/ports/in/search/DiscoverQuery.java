package io.moldtank.ports.in.search;

import io.moldtank.domain.money.Usdc;
import io.moldtank.domain.search.SearchText;
import io.moldtank.ports.out.search.ListingSearch;

/** GET /api/v1/discover as a query: text (optional), today's filters, a minimum reputation, order and page. */
public record DiscoverQuery(SearchText text, String tag, Usdc maxPrice, Integer minReputation, ListingSearch.Sort sort,
                            String after, int limit) {
}
