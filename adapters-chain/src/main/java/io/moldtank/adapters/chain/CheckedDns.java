package io.moldtank.adapters.chain;

import io.helidon.webclient.api.DnsAddressLookup;
import io.helidon.webclient.spi.DnsResolver;
import io.moldtank.ports.service.UrlPolicy;
import io.moldtank.ports.service.UrlPolicy.Resolution;
import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * The web client's DNS step for winner endpoints: the SSRF guard resolves the host once and checks every
 * address, and the socket connects to one of those, so the check and the connect share one DNS answer
 * and a rebinding name server has no second question to lie to. The address keeps the host name, so TLS
 * still sends it as SNI and verifies the certificate against it.
 */
final class CheckedDns implements DnsResolver {
    private final UrlPolicy urls;

    CheckedDns(UrlPolicy urls) {
        this.urls = urls;
    }

    @Override
    public InetAddress resolveAddress(String host, DnsAddressLookup lookup) {
        String name = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
        return switch (urls.resolve(name)) {
            case Resolution.Refused r -> throw new Refused(name + " " + r.reason());
            case Resolution.Addresses a -> named(name, preferred(a, lookup));
        };
    }

    private static InetAddress preferred(Resolution.Addresses checked, DnsAddressLookup lookup) {
        InetAddress[] ordered = lookup.filter(checked.all().toArray(InetAddress[]::new));
        return ordered.length > 0 ? ordered[0] : checked.all().getFirst();
    }

    private static InetAddress named(String name, InetAddress address) {
        try {
            return InetAddress.getByAddress(name, address.getAddress());
        } catch (UnknownHostException e) {
            throw new IllegalStateException("a resolved address has a valid length", e);
        }
    }

    /** The guard refused every connection to the host at connect time. */
    static final class Refused extends RuntimeException {
        Refused(String reason) {
            super(reason);
        }
    }
}
