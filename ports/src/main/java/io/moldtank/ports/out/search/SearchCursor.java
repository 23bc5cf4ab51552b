package io.moldtank.ports.out.search;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;

/**
 * The opaque cursor of a search page: its order, the sort key and id of the last item, base64url. Every
 * adapter of {@link SearchListings} and {@link SearchBounties} writes and reads this one form; a cursor of
 * another order, or not one of these, is an {@link IllegalArgumentException}.
 */
public final class SearchCursor {
    private SearchCursor() {
    }

    /** The sort key and the id of the last item on the previous page. */
    public record Position(String key, UUID id) {
    }

    public static String encode(String order, String key, UUID id) {
        String text = order + "|" + key + "|" + id;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    public static Position decode(String cursor, String order) {
        String text;
        try {
            text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("malformed cursor");
        }
        String[] parts = text.split("\\|", -1);
        if (parts.length != 3 || parts[1].isEmpty()) {
            throw new IllegalArgumentException("malformed cursor");
        }
        if (!parts[0].equals(order)) {
            throw new IllegalArgumentException("the cursor belongs to another order or query");
        }
        try {
            UUID id = UUID.fromString(parts[2]);
            if (!id.toString().equals(parts[2])) {
                throw new IllegalArgumentException("malformed cursor");
            }
            return new Position(parts[1], id);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("malformed cursor");
        }
    }

    /** The key as a number, or "malformed cursor". */
    public static long number(Position p) {
        try {
            return Long.parseLong(p.key());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("malformed cursor");
        }
    }

    /** The key as a float rank (its exact text form), or "malformed cursor". */
    public static float rank(Position p) {
        try {
            float f = Float.parseFloat(p.key());
            if (Float.isNaN(f) || Float.isInfinite(f)) {
                throw new NumberFormatException();
            }
            return f;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("malformed cursor");
        }
    }

    /** The key as an instant, or "malformed cursor". */
    public static java.time.Instant instant(Position p) {
        try {
            return java.time.Instant.parse(p.key());
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("malformed cursor");
        }
    }
}
