package io.moldtank.ports.out.search;

import io.moldtank.domain.money.Usdc;
import io.moldtank.domain.search.SearchText;

/**
 * What discovery asks for: active listings matching {@code text} (title, tags, description and the seller's
 * A2A card skills) if given, with today's filters (tag, price cap) and a minimum seller reputation, in one
 * order, one page after the opaque cursor {@code after}. {@code unknownScore} is the reputation assumed
 * for a seller never reckoned.
 */
public record ListingSearch(SearchText text, String tag, Usdc maxPrice, Integer minReputation, Sort sort,
                            String after, int limit, int unknownScore) {
    public static final int MAX_LIMIT = 100;

    /** RELEVANCE: best text match first (needs text); NEWEST; PRICE: cheapest first; REPUTATION: best seller first. */
    public enum Sort { RELEVANCE, NEWEST, PRICE, REPUTATION }

    public ListingSearch {
        sort = sort == null ? text == null ? Sort.NEWEST : Sort.RELEVANCE : sort;
        if (sort == Sort.RELEVANCE && text == null) {
            throw new IllegalArgumentException("sorting by relevance needs a text to match");
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be 1.." + MAX_LIMIT);
        }
        if (minReputation != null && (minReputation < 0 || minReputation > 100)) {
            throw new IllegalArgumentException("minReputation must be 0..100");
        }
    }
}
