package io.moldtank.adapters.persistence.storage;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/**
 * Opaque keyset cursors: the sort keys of the last item of the previous page, tagged with the order
 * they belong to, base64url-encoded. A cursor from another order, or not one of ours, is refused.
 */
final class Cursor {
    private Cursor() {
    }

    static String encode(String order, String... keys) {
        String text = order + "|" + String.join("|", keys);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    /** The keys of {@code cursor}, which must have been made for {@code order} with {@code count} keys. */
    static List<String> decode(String cursor, String order, int count) {
        String text;
        try {
            text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("malformed cursor");
        }
        List<String> parts = List.of(text.split("\\|", -1));
        if (parts.size() != count + 1 || parts.contains("")) {
            throw new IllegalArgumentException("malformed cursor");
        }
        if (!parts.getFirst().equals(order)) {
            throw new IllegalArgumentException("the cursor belongs to another listing order");
        }
        return parts.subList(1, parts.size());
    }
}
