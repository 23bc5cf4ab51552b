package io.moldtank.adapters.persistence.storage;

import io.moldtank.ports.out.storage.UnstorableValue;
import java.util.Map;

/**
 * Checks text before it is written, so that both databases refuse the same values with the same typed
 * error: no NUL characters in plain columns (PostgreSQL cannot store them, H2 could), no unpaired
 * surrogates anywhere (they cannot be encoded as UTF-8 and would come back as '?'), and the column's
 * length where the domain itself sets no limit.
 */
final class Text {
    private Text() {
    }

    /** A plain column value (null allowed) of at most {@code max} characters. */
    static String column(String field, String value, int max) {
        if (value == null) {
            return null;
        }
        if (value.length() > max) {
            throw new UnstorableValue(field, "at most " + max + " characters, got " + value.length());
        }
        if (value.indexOf('\0') >= 0) {
            throw new UnstorableValue(field, "text must not contain NUL characters");
        }
        return encodable(field, value);
    }

    /** Text inside a JSON column: JSON escapes NUL, but unpaired surrogates are still refused. */
    static String encodable(String field, String value) {
        for (int i = 0; i < value.length(); i++) {
            char ch = value.charAt(i);
            if (Character.isHighSurrogate(ch) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(ch)) {
                throw new UnstorableValue(field, "text has an unpaired surrogate at index " + i);
            }
        }
        return value;
    }

    static Map<String, String> encodable(String field, Map<String, String> values) {
        values.forEach((k, v) -> {
            encodable(field + " key", k);
            encodable(field + "[" + k + "]", v);
        });
        return values;
    }
}
