package io.moldtank.ports.service;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.List;

/**
 * The one SSRF guard for every outbound call to an agent-supplied URL (payout endpoints at registration,
 * x402 payments at payout time): https only, no credentials in the URL, and every address the
 * host resolves to must be public. Resolution is a parameter so tests can feed it hostile DNS answers;
 * callers that later connect must connect to an address {@link #resolve} checked (and re-check on redirects).
 */
public final class OutboundUrlGuard implements UrlPolicy {
    /** DNS, replaceable in tests. */
    @FunctionalInterface
    public interface Resolver {
        List<InetAddress> resolve(String host) throws UnknownHostException;
    }

    public static final Resolver SYSTEM_DNS = host -> List.of(InetAddress.getAllByName(host));

    private final Resolver dns;

    public OutboundUrlGuard(Resolver dns) {
        this.dns = dns;
    }

    /** Why the URL is refused, or null when it is safe to call. */
    @Override
    public String refusal(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return "not a URL";
        }
        if (!"https".equalsIgnoreCase(uri.getScheme())) {
            return "must use https";
        }
        if (uri.getRawUserInfo() != null) {
            return "must not carry credentials";
        }
        String host = uri.getHost();
        if (host == null || host.isEmpty()) {
            return "must name a host";
        }
        return switch (resolve(host.startsWith("[") ? host.substring(1, host.length() - 1) : host)) {
            case Resolution.Refused r -> r.reason();
            case Resolution.Addresses a -> null;
        };
    }

    /** One DNS answer, every address checked: the connection goes to one of these, never to a second answer. */
    @Override
    public Resolution resolve(String host) {
        List<InetAddress> addresses;
        try {
            addresses = dns.resolve(host);
        } catch (UnknownHostException e) {
            return new Resolution.Refused("host does not resolve");
        }
        if (addresses.isEmpty()) {
            return new Resolution.Refused("host does not resolve");
        }
        for (InetAddress a : addresses) {
            String refused = refusalFor(a);
            if (refused != null) {
                return new Resolution.Refused(refused);
            }
        }
        return new Resolution.Addresses(addresses);
    }

    /** Why the platform may not connect to this address, or null when it is public. */
    public static String refusalFor(InetAddress a) {
        return isPublic(a) ? null : "resolves to a non-public address " + a.getHostAddress();
    }

    public static boolean isPublic(InetAddress a) {
        if (a.isLoopbackAddress() || a.isAnyLocalAddress() || a.isLinkLocalAddress() || a.isSiteLocalAddress()
                || a.isMulticastAddress()) {
            return false;
        }
        byte[] b = a.getAddress();
        if (a instanceof Inet4Address) {
            int first = b[0] & 0xff;
            int second = b[1] & 0xff;
            return first != 0 // "this network"
                    && !(first == 100 && second >= 64 && second < 128) // carrier-grade NAT, also cloud internals
                    && !(first == 192 && second == 0 && (b[2] & 0xff) == 0) // IETF protocol assignments
                    && !(first == 198 && (second == 18 || second == 19)) // benchmarking
                    && first < 240; // reserved and broadcast
        }
        if (a instanceof Inet6Address) {
            // IPv4-mapped (::ffff:a.b.c.d) and IPv4-compatible (::a.b.c.d) forms hide an IPv4 address.
            boolean zeroPrefix = true;
            for (int i = 0; i < 10; i++) {
                zeroPrefix &= b[i] == 0;
            }
            if (zeroPrefix && ((b[10] == (byte) 0xff && b[11] == (byte) 0xff) || (b[10] == 0 && b[11] == 0))) {
                try {
                    return isPublic(InetAddress.getByAddress(new byte[]{b[12], b[13], b[14], b[15]}));
                } catch (UnknownHostException e) {
                    return false;
                }
            }
            if (b[0] == 0 && b[1] == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b) {
                // NAT64: on an IPv6-only network with DNS64, 64:ff9b::a9fe:a9fe reaches 169.254.169.254
                if (b[4] == 0 && b[5] == 1) {
                    return false; // 64:ff9b:1::/48, local-use translation: any embedding, never public
                }
                boolean wellKnown = true;
                for (int i = 4; i < 12; i++) {
                    wellKnown &= b[i] == 0;
                }
                try {
                    return wellKnown && isPublic(InetAddress.getByAddress(new byte[]{b[12], b[13], b[14], b[15]}));
                } catch (UnknownHostException e) {
                    return false;
                }
            }
            if ((b[0] & 0xfe) == 0xfc) { // unique local fc00::/7, includes AWS fd00:ec2::254
                return false;
            }
            if (b[0] == 0x20 && b[1] == 0x02) { // 6to4 embeds an IPv4 address that may be private
                try {
                    return isPublic(InetAddress.getByAddress(new byte[]{b[2], b[3], b[4], b[5]}));
                } catch (UnknownHostException e) {
                    return false;
                }
            }
            return !(b[0] == 0x20 && b[1] == 0x01 && b[2] == 0x0d && (b[3] & 0xff) == 0xb8); // documentation
        }
        return false;
    }
}
