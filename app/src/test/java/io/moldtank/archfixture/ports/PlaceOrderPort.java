package io.moldtank.archfixture.ports;

import io.moldtank.archfixture.domain.Order;

/** Legal: a port that speaks in domain types. */
public interface PlaceOrderPort {
    void place(Order order);
}
