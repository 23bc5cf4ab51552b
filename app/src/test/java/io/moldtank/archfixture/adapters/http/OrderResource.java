package io.moldtank.archfixture.adapters.http;

import io.moldtank.archfixture.ports.PlaceOrderPort;

/** Legal: an adapter that calls a port. */
public final class OrderResource {
    PlaceOrderPort port;
}
