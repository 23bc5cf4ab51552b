package io.moldtank.adapters.http;

import io.moldtank.domain.bounty.BountySnapshot;
import io.moldtank.ports.out.storage.Page;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Each bounty's JSON ({@link Views#bounty} through {@link Json}), kept while its snapshot is unchanged:
 * listings are read far more often than bounties change, and rendering was most of a page's cost. A
 * rendering is reused only for a snapshot equal to the one it was made from (the view is a function of
 * the snapshot alone), so a changed bounty is always rendered afresh. The bytes are exactly what
 * rendering the whole page at once would give.
 */
final class RenderedBounties {
    /** Past this many bounties the cache starts over, so memory stays bounded whatever is stored. */
    static final int MAX_ENTRIES = 10_000;
    private static final byte[] ITEMS = "{\"items\":[".getBytes(StandardCharsets.UTF_8);
    private static final byte[] NEXT = "],\"next\":".getBytes(StandardCharsets.UTF_8);

    /** Keyed by the id's UUID: its equals is plain code, cheaper than a record's generated one. */
    private final Map<UUID, Rendered> cache = new ConcurrentHashMap<>();

    private record Rendered(BountySnapshot snapshot, byte[] json) {
    }

    /** The bounty's JSON object. */
    byte[] bounty(BountySnapshot b) {
        Rendered r = cache.get(b.id().value());
        // Identity first: the in-memory store hands out the very snapshot it holds until the next save.
        if (r != null && (r.snapshot() == b || r.snapshot().equals(b))) {
            return r.json();
        }
        byte[] json = Json.write(Views.bounty(b));
        if (cache.size() >= MAX_ENTRIES) {
            cache.clear();
        }
        cache.put(b.id().value(), new Rendered(b, json));
        return json;
    }

    /** {@code {"items":[…],"next":…}}, as {@link Views#page} renders; one exact-size array, no growing buffer. */
    byte[] page(Page<BountySnapshot> page) {
        List<BountySnapshot> items = page.items();
        byte[][] parts = new byte[items.size()][];
        byte[] next = Json.write(page.next());
        int size = ITEMS.length + Math.max(0, items.size() - 1) + NEXT.length + next.length + 1;
        for (int i = 0; i < parts.length; i++) {
            parts[i] = bounty(items.get(i));
            size += parts[i].length;
        }
        byte[] out = new byte[size];
        int at = put(out, 0, ITEMS);
        for (int i = 0; i < parts.length; i++) {
            if (i > 0) {
                out[at++] = ',';
            }
            at = put(out, at, parts[i]);
        }
        at = put(out, at, NEXT);
        at = put(out, at, next);
        out[at] = '}';
        return out;
    }

    private static int put(byte[] out, int at, byte[] part) {
        System.arraycopy(part, 0, out, at, part.length);
        return at + part.length;
    }

    int size() {
        return cache.size();
    }
}
