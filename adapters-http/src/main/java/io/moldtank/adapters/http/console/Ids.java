package io.moldtank.adapters.http.console;

import java.util.UUID;

/** Ids as the console shows them: the first 8 hex digits (the full id is in the title attribute). */
final class Ids {
    private Ids() {
    }

    static String shortId(UUID id) {
        return id.toString().substring(0, 8);
    }

    /** A path id, or a 400 refusal. */
    static UUID parse(String text) {
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            throw new Refusal(400, "not an id: " + (text.length() > 40 ? text.substring(0, 40) : text));
        }
    }
}
