package io.moldtank.adapters.moltbook;

import com.fasterxml.jackson.databind.JsonNode;
import io.moldtank.domain.scraper.SourcePost;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * Reads one post liberally, as Moltbook's versions have sent it: missing fields take defaults,
 * {@code author} is null, a string or an object with {@code name}, {@code submolt} a string or an
 * object with {@code name}, numbers and booleans may come as strings, unknown fields are ignored.
 * Only a post without an id or a readable {@code created_at} is refused; the reason never quotes
 * the post, whose text is untrusted.
 */
final class PostReader {

    private PostReader() {
    }

    static SourcePost read(JsonNode n) {
        if (!n.isObject()) {
            throw new IllegalArgumentException("not an object");
        }
        String id = text(n.get("id"));
        if (id == null) {
            throw new IllegalArgumentException("no id");
        }
        Instant createdAt = instant(n.get("created_at"));
        long comments = n.hasNonNull("comment_count") ? number(n.get("comment_count")) : number(n.get("comments_count"));
        return new SourcePost(id, text(n.get("title")), text(n.get("content")), text(n.get("url")),
                name(n.get("submolt")), name(n.get("author")), number(n.get("upvotes")), number(n.get("downvotes")),
                comments, bool(n.get("is_pinned")), bool(n.get("is_deleted")), createdAt);
    }

    /** A string or number as text; anything else (null, object, array) as null. */
    static String text(JsonNode v) {
        if (v == null || !(v.isTextual() || v.isNumber())) {
            return null;
        }
        return v.asText();
    }

    private static String name(JsonNode v) {
        return v != null && v.isObject() ? text(v.get("name")) : text(v);
    }

    static long number(JsonNode v) {
        if (v == null) {
            return 0;
        }
        if (v.isNumber()) {
            return v.canConvertToLong() ? v.asLong() : v.asDouble() > 0 ? Long.MAX_VALUE : 0;
        }
        if (v.isTextual()) {
            String s = v.asText().strip();
            if (s.matches("-?\\d{1,18}(\\.\\d{1,9})?")) {
                return Long.parseLong(s.replaceFirst("\\..*", ""));
            }
        }
        return 0;
    }

    private static boolean bool(JsonNode v) {
        if (v == null) {
            return false;
        }
        if (v.isBoolean()) {
            return v.booleanValue();
        }
        if (v.isNumber()) {
            return v.asDouble() != 0;
        }
        String s = v.asText("").strip();
        return s.equalsIgnoreCase("true") || s.equals("1");
    }

    /** ISO-8601 with or without an offset (none: UTC; PostgreSQL's "+00" too), or epoch seconds/millis. */
    static Instant instant(JsonNode v) {
        if (v != null && v.isNumber() && v.canConvertToLong()) {
            long t = v.asLong();
            return Math.abs(t) < 100_000_000_000L ? Instant.ofEpochSecond(t) : Instant.ofEpochMilli(t);
        }
        String s = v != null && v.isTextual() ? v.asText().strip() : "";
        if (s.isEmpty() || s.length() > 40) {
            throw new IllegalArgumentException("no readable created_at");
        }
        s = s.replaceFirst(" ", "T").replaceFirst("([+-]\\d\\d)$", "$1:00");
        try {
            return OffsetDateTime.parse(s).toInstant();
        } catch (DateTimeParseException withoutOffset) {
            try {
                return LocalDateTime.parse(s).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException e) {
                // the exception quotes the text, which is untrusted: say only what failed
                throw new IllegalArgumentException("no readable created_at");
            }
        }
    }
}
