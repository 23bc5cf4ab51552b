package io.moldtank.archfixture.adapters.chain;

import io.moldtank.archfixture.domain.Order;

/** Legal: an adapter that uses domain types. */
public final class ChainClient {
    Order order;
}
