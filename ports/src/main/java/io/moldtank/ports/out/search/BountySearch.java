package io.moldtank.ports.out.search;

import io.moldtank.domain.bounty.BountyStatus;
import io.moldtank.domain.money.Usdc;
import io.moldtank.domain.search.SearchText;
import java.util.Objects;

/**
 * Bounties matching {@code text} (title, tags, description) with the bounty list's filters, in one order,
 * one page after the opaque cursor {@code after}.
 */
public record BountySearch(SearchText text, BountyStatus status, String tag, Usdc minReward, Usdc maxReward,
                           Sort sort, String after, int limit) {

    public enum Sort { RELEVANCE, NEWEST, REWARD_DESC, DEADLINE_ASC }

    public BountySearch {
        Objects.requireNonNull(text, "text");
        sort = sort == null ? Sort.RELEVANCE : sort;
        if (limit < 1 || limit > ListingSearch.MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be 1.." + ListingSearch.MAX_LIMIT);
        }
        if (minReward != null && maxReward != null && minReward.isGreaterThan(maxReward)) {
            throw new IllegalArgumentException("minReward is above maxReward");
        }
    }
}
