package io.moldtank.adapters.chain;

import io.moldtank.ports.service.OutboundUrlGuard;
import java.net.InetAddress;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** A hostile name server: a public address to the first question, then {@code later} to every other. */
final class RebindingDns implements OutboundUrlGuard.Resolver {
    static final InetAddress PUBLIC = address(93, 184, 216, 34);
    static final InetAddress LOOPBACK = address(127, 0, 0, 1);
    final AtomicInteger lookups = new AtomicInteger();
    private final InetAddress later;

    RebindingDns(InetAddress later) {
        this.later = later;
    }

    @Override
    public List<InetAddress> resolve(String host) {
        return List.of(lookups.getAndIncrement() == 0 ? PUBLIC : later);
    }

    static InetAddress address(int a, int b, int c, int d) {
        try {
            return InetAddress.getByAddress(new byte[]{(byte) a, (byte) b, (byte) c, (byte) d});
        } catch (java.net.UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
