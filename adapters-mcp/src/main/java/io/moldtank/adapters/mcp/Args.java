package io.moldtank.adapters.mcp;

import io.moldtank.domain.money.Usdc;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * A tool call's arguments, read strictly: unknown names, wrong types, over-long text and too many entries
 * are {@code invalid-input} naming the argument, before anything is stored. The SDK's schema check runs
 * first; this is the second line, and the one that knows the domain's limits.
 */
final class Args {
    /** Longest text argument that is not file content. */
    static final int MAX_TEXT = 20_000;

    private final String tool;
    private final Map<String, Object> values;

    Args(String tool, Map<String, Object> values, Set<String> allowed) {
        this.tool = tool;
        this.values = values == null ? Map.of() : values;
        for (String name : this.values.keySet()) {
            if (!allowed.contains(name)) {
                throw invalid(name, "unknown argument (allowed: " + allowed + ")");
            }
        }
    }

    String text(String name, int maxLength) {
        Object v = values.get(name);
        if (v == null) {
            return null;
        }
        if (!(v instanceof String s)) {
            throw invalid(name, "must be a string");
        }
        if (s.length() > maxLength) {
            throw invalid(name, "at most " + maxLength + " characters");
        }
        if (s.indexOf('\0') >= 0) {
            throw invalid(name, "must not contain NUL");
        }
        return s;
    }

    String requiredText(String name, int maxLength) {
        String s = text(name, maxLength);
        if (s == null || s.isBlank()) {
            throw invalid(name, "required");
        }
        return s;
    }

    UUID id(String name) {
        String s = requiredText(name, 36);
        try {
            UUID id = UUID.fromString(s);
            if (!id.toString().equals(s.toLowerCase(java.util.Locale.ROOT))) {
                throw new IllegalArgumentException("not canonical");
            }
            return id;
        } catch (IllegalArgumentException e) {
            throw invalid(name, "must be a UUID");
        }
    }

    int integer(String name, int min, int max, int fallback) {
        Object v = values.get(name);
        if (v == null) {
            return fallback;
        }
        if (!(v instanceof Integer || v instanceof Long || v instanceof Short)
                || ((Number) v).longValue() < min || ((Number) v).longValue() > max) {
            throw invalid(name, "an integer " + min + ".." + max);
        }
        return ((Number) v).intValue();
    }

    /** Money as a decimal string ("12.5"): a JSON number would pass through floating point, so it is refused. */
    Usdc usdc(String name, boolean required) {
        String s = required ? requiredText(name, 40) : text(name, 40);
        if (s == null) {
            return null;
        }
        try {
            return Usdc.parse(s);
        } catch (IllegalArgumentException | ArithmeticException e) {
            throw invalid(name, "a USDC amount as a decimal string, at most 6 decimals");
        }
    }

    List<String> strings(String name, int maxItems, int maxLength) {
        Object v = values.get(name);
        if (v == null) {
            return null;
        }
        if (!(v instanceof List<?> list) || list.size() > maxItems) {
            throw invalid(name, "a list of at most " + maxItems + " strings");
        }
        for (Object item : list) {
            if (!(item instanceof String s) || s.length() > maxLength) {
                throw invalid(name, "a list of strings of at most " + maxLength + " characters");
            }
        }
        return list.stream().map(String.class::cast).toList();
    }

    /** A map of strings (file name to content); names and sizes are the domain's to judge. */
    Map<String, String> stringMap(String name, int maxEntries) {
        Object v = values.get(name);
        if (v == null) {
            return null;
        }
        if (!(v instanceof Map<?, ?> map) || map.size() > maxEntries) {
            throw invalid(name, "an object of at most " + maxEntries + " string entries");
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (var e : map.entrySet()) {
            if (!(e.getValue() instanceof String s)) {
                throw invalid(name + "." + e.getKey(), "must be a string");
            }
            out.put(String.valueOf(e.getKey()), s);
        }
        return out;
    }

    /** A nested object, as the JSON tree the REST API would have read. */
    Map<String, Object> object(String name) {
        Object v = values.get(name);
        if (v == null) {
            return null;
        }
        if (!(v instanceof Map<?, ?> map)) {
            throw invalid(name, "must be an object");
        }
        Map<String, Object> out = new LinkedHashMap<>();
        map.forEach((k, val) -> out.put(String.valueOf(k), val));
        return out;
    }

    ToolRefusal invalid(String name, String message) {
        return new ToolRefusal("invalid-input", tool + ": argument " + name + ": " + message);
    }
}
