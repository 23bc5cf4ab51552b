package io.moldtank.adapters.chain;

import io.moldtank.ports.service.UrlPolicy;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;

/**
 * Test-only: local winner endpoints live on loopback http, which the production guard refuses, so this
 * policy allows every URL and address. {@code hosts} answers for names no real DNS knows; the rest go
 * to the system resolver.
 */
record TrustingPolicy(Map<String, InetAddress> hosts) implements UrlPolicy {
    static final TrustingPolicy SYSTEM_DNS = new TrustingPolicy(Map.of());

    @Override
    public String refusal(String url) {
        return null;
    }

    @Override
    public Resolution resolve(String host) {
        if (hosts.containsKey(host)) {
            return new Resolution.Addresses(List.of(hosts.get(host)));
        }
        try {
            return new Resolution.Addresses(List.of(InetAddress.getAllByName(host)));
        } catch (UnknownHostException e) {
            return new Resolution.Refused("host does not resolve");
        }
    }
}
