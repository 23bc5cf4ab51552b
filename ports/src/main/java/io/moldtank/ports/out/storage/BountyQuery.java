package io.moldtank.ports.out.storage;

import io.moldtank.domain.bounty.BountyStatus;
import io.moldtank.domain.money.Usdc;

/** Filters, order and a page window for listing bounties; {@code after} is an opaque cursor or null. */
public record BountyQuery(BountyStatus status, String tag, Usdc minReward, Usdc maxReward, Sort sort, String after,
                          int limit) {
    public static final int MAX_LIMIT = 100;

    public enum Sort { NEWEST, REWARD_DESC, DEADLINE_ASC }

    public BountyQuery {
        sort = sort == null ? Sort.NEWEST : sort;
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be 1.." + MAX_LIMIT);
        }
        if (minReward != null && maxReward != null && minReward.isGreaterThan(maxReward)) {
            throw new IllegalArgumentException("minReward is above maxReward");
        }
    }

    public static BountyQuery firstPage(int limit) {
        return new BountyQuery(null, null, null, null, Sort.NEWEST, null, limit);
    }
}
