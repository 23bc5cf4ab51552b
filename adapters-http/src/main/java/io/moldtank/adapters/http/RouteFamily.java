package io.moldtank.adapters.http;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * A path with its ids replaced, so metrics and logs group by route rather than by bounty. Only known
 * route templates are kept; anything else is "other", so a scanner cannot create unbounded series.
 */
final class RouteFamily {
    private static final Pattern UUID = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    /** A whole path segment of digits: the operator's numeric ids (reconciliation differences). */
    private static final Pattern NUMBER = Pattern.compile("(?<=/)\\d{1,18}(?=/|$)");

    private final RouteTable table;
    /** Read once routes exist; services register their routes when the routing is built. */
    private volatile Set<String> known;

    RouteFamily(RouteTable table) {
        this.table = table;
    }

    String of(String path) {
        Set<String> known = this.known;
        if (known == null || known.isEmpty()) {
            known = table.templates();
            this.known = known;
        }
        String p = NUMBER.matcher(UUID.matcher(path).replaceAll("{id}")).replaceAll("{id}");
        if (p.length() > 1 && p.endsWith("/")) {
            p = p.substring(0, p.length() - 1);
        }
        return known.contains(p) ? p : "other";
    }
}
