package io.moldtank.ports.out.storage;

import io.moldtank.domain.money.Usdc;

public record ListingQuery(String tag, Usdc maxPrice, String after, int limit) {
    public ListingQuery {
        if (limit < 1 || limit > 100) {
            throw new IllegalArgumentException("limit must be 1..100");
        }
    }
}
