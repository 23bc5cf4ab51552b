package io.moldtank.archfixture.client;

import io.moldtank.archfixture.domain.Order;

/** Planted: client code that reaches for server code instead of the wire format. */
public class ClientViolationUsesTheDomain {
    Order order;
}
