package io.moldtank.adapters.http;

import io.moldtank.domain.bounty.BountyId;
import io.moldtank.domain.bounty.BountySnapshot;
import io.moldtank.ports.out.storage.Page;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
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

    private final Map<BountyId, Rendered> cache = new ConcurrentHashMap<>();

    private record Rendered(BountySnapshot snapshot, byte[] json) {
    }

    /** The bounty's JSON object. */
    byte[] bounty(BountySnapshot b) {
        Rendered r = cache.get(b.id());
        // Identity first: the in-memory store hands out the very snapshot it holds until the next save.
        if (r != null && (r.snapshot() == b || r.snapshot().equals(b))) {
            return r.json();
        }
        byte[] json = Json.write(Views.bounty(b));
        if (cache.size() >= MAX_ENTRIES) {
            cache.clear();
        }
        cache.put(b.id(), new Rendered(b, json));
        return json;
    }

    /** {@code {"items":[…],"next":…}}, as {@link Views#page} renders. */
    byte[] page(Page<BountySnapshot> page) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256 + 600 * page.items().size());
        out.writeBytes(ITEMS);
        boolean first = true;
        for (BountySnapshot b : page.items()) {
            if (!first) {
                out.write(',');
            }
            first = false;
            out.writeBytes(bounty(b));
        }
        out.writeBytes(NEXT);
        out.writeBytes(Json.write(page.next()));
        out.write('}');
        return out.toByteArray();
    }

    int size() {
        return cache.size();
    }
}
