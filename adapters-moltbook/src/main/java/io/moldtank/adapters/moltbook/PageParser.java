package io.moldtank.adapters.moltbook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.moldtank.domain.scraper.SourcePost;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads one page: {@code {"success":true,"posts":[...], "next_cursor"|"cursor": ...}} or a bare
 * array (which has no cursor, so it is the last page). A post that cannot be read is skipped with a
 * reason; a page that is not one of these shapes is {@link Malformed} (retried like a 5xx).
 */
final class PageParser {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_CURSOR = 2_000;

    private PageParser() {
    }

    /** The posts read, the cursor of the next page (null: this is the last), and why posts were skipped. */
    record Page(List<SourcePost> posts, String cursor, List<String> skipped) {
    }

    static final class Malformed extends Exception {
        Malformed(String message) {
            super(message);
        }
    }

    static Page parse(byte[] body) throws Malformed {
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (IOException e) {
            // Jackson's message may quote the body; keep only where it broke
            throw new Malformed("not JSON" + (e instanceof JsonProcessingException j && j.getLocation() != null
                    ? " (at byte " + j.getLocation().getByteOffset() + ")" : ""));
        }
        JsonNode list;
        String cursor = null;
        if (root != null && root.isArray()) {
            list = root;
        } else if (root != null && root.path("posts").isArray()) {
            list = root.get("posts");
            cursor = cursor(root);
        } else {
            throw new Malformed("neither a list of posts nor an object with a \"posts\" list");
        }
        List<SourcePost> posts = new ArrayList<>(list.size());
        List<String> skipped = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            try {
                posts.add(PostReader.read(list.get(i)));
            } catch (IllegalArgumentException e) {
                skipped.add("post #" + (i + 1) + " skipped: " + e.getMessage());
            }
        }
        return new Page(posts, cursor, skipped);
    }

    private static String cursor(JsonNode root) throws Malformed {
        String c = PostReader.text(root.hasNonNull("next_cursor") ? root.get("next_cursor") : root.get("cursor"));
        if (c == null || c.isBlank()) {
            return null;
        }
        if (c.length() > MAX_CURSOR) {
            throw new Malformed("a cursor longer than " + MAX_CURSOR + " characters");
        }
        return c;
    }
}
