package io.moldtank.archfixture.app;

import io.moldtank.archfixture.adapters.chain.ChainClient;
import io.moldtank.archfixture.adapters.http.OrderResource;
import io.moldtank.archfixture.domain.Order;
import io.moldtank.archfixture.ports.PlaceOrderPort;

/** Legal: app sees every module. */
public final class AppWiring {
    ChainClient chain;
    OrderResource http;
    PlaceOrderPort port;
    Order order;
}
