package io.moldtank.adapters.webhooks;

import io.moldtank.ports.service.UrlPolicy;
import java.net.InetAddress;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** Test-only: the production guard refuses loopback, so this one allows 127.0.0.1 and counts lookups. */
final class LoopbackPolicy implements UrlPolicy {
    final AtomicInteger lookups = new AtomicInteger();

    @Override
    public String refusal(String url) {
        return null;
    }

    @Override
    public Resolution resolve(String host) {
        lookups.incrementAndGet();
        return new Resolution.Addresses(List.of(InetAddress.getLoopbackAddress()));
    }
}
