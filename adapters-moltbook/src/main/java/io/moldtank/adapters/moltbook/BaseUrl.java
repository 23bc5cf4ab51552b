package io.moldtank.adapters.moltbook;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The base URL carries the bearer key on every request, so it must be https; plain http is allowed
 * only to a loopback host (a local fake in tests), decided from the literal host, never by DNS.
 */
final class BaseUrl {
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

    private BaseUrl() {
    }

    static URI check(URI url) {
        if (!url.isAbsolute() || url.getHost() == null) {
            throw new IllegalArgumentException("Moltbook baseUrl must be an absolute URL with a host: " + url);
        }
        if (url.getRawUserInfo() != null || url.getRawQuery() != null || url.getRawFragment() != null) {
            throw new IllegalArgumentException("Moltbook baseUrl must have no user info, query or fragment");
        }
        String scheme = url.getScheme().toLowerCase(Locale.ROOT);
        if (scheme.equals("https") || scheme.equals("http") && isLoopback(url.getHost())) {
            return stripTrailingSlash(url);
        }
        throw new IllegalArgumentException("Moltbook baseUrl must be https (http only to 127.0.0.0/8, ::1 or "
                + "localhost), was " + url);
    }

    static boolean isLoopback(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        if (h.equals("localhost")) {
            return true;
        }
        if (IPV4.matcher(h).matches()) {
            // java.net.URI only yields a dotted host when it is a valid IPv4 literal (else the host is null)
            return h.startsWith("127.");
        }
        if (!h.startsWith("[") || !h.endsWith("]")) {
            return false;
        }
        try {
            // a bracketed IPv6 literal is parsed, never looked up
            return InetAddress.getByName(h).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    private static URI stripTrailingSlash(URI url) {
        String s = url.toString();
        return s.endsWith("/") ? URI.create(s.substring(0, s.length() - 1)) : url;
    }
}
