package io.moldtank.ports.memory;

import io.moldtank.ports.out.storage.Page;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.function.Function;

/** Opaque cursors over an ordered list: the cursor names the last item of the previous page. */
final class Cursors {
    private Cursors() {
    }

    static <T> Page<T> page(List<T> ordered, String after, int limit, Function<T, String> key) {
        int start = 0;
        if (after != null) {
            String lastKey = decode(after);
            start = -1;
            for (int i = 0; i < ordered.size(); i++) {
                if (key.apply(ordered.get(i)).equals(lastKey)) {
                    start = i + 1;
                    break;
                }
            }
            if (start < 0) {
                throw new IllegalArgumentException("unknown cursor");
            }
        }
        int end = Math.min(ordered.size(), start + limit);
        List<T> items = ordered.subList(start, end);
        String next = end < ordered.size() && !items.isEmpty() ? encode(key.apply(items.get(items.size() - 1))) : null;
        return new Page<>(items, next);
    }

    static String encode(String key) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(key.getBytes(StandardCharsets.UTF_8));
    }

    private static String decode(String cursor) {
        try {
            return new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("malformed cursor");
        }
    }
}
