package io.moldtank.app.deploy;

import java.util.List;
import java.util.Map;

/** Walking parsed YAML (maps, lists, scalars) without a cast at every step. */
final class Yamls {
    private Yamls() {
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> cast(Map<?, ?> map) {
        return (Map<String, Object>) map;
    }

    /** The value at this path of map keys and list indexes, or null where the path ends early. */
    static Object at(Object node, Object... path) {
        Object here = node;
        for (Object step : path) {
            if (step instanceof Integer i && here instanceof List<?> list) {
                here = i < list.size() ? list.get(i) : null;
            } else if (here instanceof Map<?, ?> map) {
                here = map.get(step);
            } else {
                return null;
            }
        }
        return here;
    }

    static Map<String, Object> map(Object node, Object... path) {
        Object found = at(node, path);
        if (found instanceof Map<?, ?> m) {
            return cast(m);
        }
        throw new AssertionError("no map at " + List.of(path) + " in " + node);
    }

    static List<Map<String, Object>> maps(Object node, Object... path) {
        Object found = at(node, path);
        if (found instanceof List<?> list) {
            return list.stream().map(e -> cast((Map<?, ?>) e)).toList();
        }
        return List.of();
    }
}
