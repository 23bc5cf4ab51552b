package io.moldtank.client.cli;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The SDK's records as plain maps and lists for {@code --json}: amounts and times in their wire form. */
final class Data {
    private Data() {
    }

    static Object of(Object v) {
        return switch (v) {
            case null -> org.json.JSONObject.NULL;
            case Record r -> record(r);
            case Map<?, ?> m -> {
                Map<String, Object> out = new LinkedHashMap<>();
                m.forEach((k, val) -> out.put(String.valueOf(k), of(val)));
                yield out;
            }
            case Collection<?> c -> {
                List<Object> out = new ArrayList<>();
                c.forEach(x -> out.add(of(x)));
                yield out;
            }
            case String s -> s;
            case Number n -> n;
            case Boolean b -> b;
            default -> v.toString(); // Usdc, Instant, URI: their wire text
        };
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> record(Record r) {
        if (r instanceof io.moldtank.client.Usdc u) {
            return Map.of("usdc", u.toString());
        }
        Map<String, Object> out = new LinkedHashMap<>();
        for (RecordComponent c : r.getClass().getRecordComponents()) {
            try {
                Object value = c.getAccessor().invoke(r);
                out.put(c.getName(), value instanceof io.moldtank.client.Usdc u ? u.toString() : of(value));
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
        return out;
    }

    static Map<String, Object> map(Object... keyValues) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            out.put((String) keyValues[i], of(keyValues[i + 1]));
        }
        return out;
    }
}
