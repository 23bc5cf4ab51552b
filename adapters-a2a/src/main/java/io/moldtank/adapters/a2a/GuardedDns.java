package io.moldtank.adapters.a2a;

import io.helidon.webclient.api.DnsAddressLookup;
import io.helidon.webclient.spi.DnsResolver;
import io.moldtank.ports.service.UrlPolicy;
import io.moldtank.ports.service.UrlPolicy.Resolution;
import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * The fetcher's DNS step (the webhook sender's, copied: adapters do not depend on each other): each new
 * connection asks the SSRF guard, which resolves once and checks every address, and connects to one of those, so a rebinding name server gets no second question. The address
 * keeps the host name for SNI and certificate checks. Refusals surface as {@link Refused}.
 */
final class GuardedDns implements DnsResolver {
    private final UrlPolicy urls;

    GuardedDns(UrlPolicy urls) {
        this.urls = urls;
    }

    @Override
    public InetAddress resolveAddress(String host, DnsAddressLookup lookup) {
        String bare = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
        Resolution answer = urls.resolve(bare);
        if (answer instanceof Resolution.Refused refused) {
            throw new Refused(bare + " " + refused.reason());
        }
        var checked = ((Resolution.Addresses) answer).all();
        InetAddress[] usable = lookup.filter(checked.toArray(InetAddress[]::new));
        InetAddress chosen = usable.length == 0 ? checked.getFirst() : usable[0];
        try {
            return InetAddress.getByAddress(bare, chosen.getAddress());
        } catch (UnknownHostException e) {
            throw new IllegalStateException("a checked address has a valid length", e);
        }
    }

    /** The guard refused the host when the connection was opened. */
    static final class Refused extends RuntimeException {
        Refused(String reason) {
            super(reason);
        }
    }
}
