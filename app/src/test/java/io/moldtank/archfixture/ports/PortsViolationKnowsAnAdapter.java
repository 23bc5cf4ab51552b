package io.moldtank.archfixture.ports;

import io.moldtank.archfixture.adapters.http.OrderResource;

/** Breaks "ports depend only on java.., domain and themselves": knows an adapter class. */
public final class PortsViolationKnowsAnAdapter {
    OrderResource resource;
}
