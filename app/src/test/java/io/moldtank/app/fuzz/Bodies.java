package io.moldtank.app.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;

/**
 * Request bodies from the OpenAPI schemas: valid ones (field names pick realistic values, so the
 * handlers behind validation are reached), then mutated in the tree (nulls, wrong types, huge and
 * poisoned strings, missing and unknown fields).
 */
final class Bodies {
    static final String BOUNTY = "{\"title\":\"Write a haiku\",\"description\":\"About coins.\",\"reward\":\"12.5\","
            + "\"deadline\":\"{future}\",\"tags\":[\"poetry\"],\"acceptance\":{\"kind\":\"rubric\",\"rubric\":\"5-7-5\"}}";
    /** Markers replaced after serialisation: JSON text no tree can hold. */
    static final String LONE_SURROGATE = "@@LONE@@";
    static final String DEEP = "@@DEEP@@";
    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private static final String[] MONEY = {"1", "2.5", "0.000001", "12.5", "10000", "0", "-1", "1e3", "12.1234567",
            "99999999999999", "1000000.000001", " 1", "1,5", "０"};

    private final ApiSpec spec;
    private final Random rnd;

    Bodies(ApiSpec spec, Random rnd) {
        this.spec = spec;
        this.rnd = rnd;
    }

    JsonNode valid(JsonNode schema, String name) {
        JsonNode s = spec.resolve(schema);
        if (s == null || s.isMissingNode()) {
            return F.textNode("x");
        }
        if (s.has("enum")) {
            return s.get("enum").get(rnd.nextInt(s.get("enum").size()));
        }
        return switch (s.path("type").asText("string")) {
            case "object" -> object(s);
            case "array" -> {
                ArrayNode a = F.arrayNode();
                for (int i = rnd.nextInt(3); i > 0; i--) {
                    a.add(valid(s.path("items"), name));
                }
                yield a;
            }
            case "integer" -> F.numberNode(s.path("minimum").asInt(0) + rnd.nextInt(Math.max(1,
                    s.path("maximum").asInt(10) - s.path("minimum").asInt(0) + 1)));
            case "boolean" -> F.booleanNode(rnd.nextBoolean());
            default -> F.textNode(text(name, s));
        };
    }

    private ObjectNode object(JsonNode s) {
        ObjectNode o = F.objectNode();
        List<String> required = new ArrayList<>();
        s.path("required").forEach(r -> required.add(r.asText()));
        s.path("properties").properties().forEach(p -> {
            if (required.contains(p.getKey()) || rnd.nextInt(3) == 0) {
                o.set(p.getKey(), valid(p.getValue(), p.getKey()));
            }
        });
        if (s.path("additionalProperties").isObject()) {
            for (int i = 1 + rnd.nextInt(3); i > 0; i--) {
                o.set(pick("solution.py", "test_x.py", "a/b.txt", "README.md", "conftest.py", "../up.py", "/abs.py",
                        "x" + rnd.nextInt(99) + ".py"), valid(s.get("additionalProperties"), "file"));
            }
        }
        return o;
    }

    private String text(String name, JsonNode s) {
        return switch (name) {
            case "wallet" -> "0x" + hex(20);
            case "signingKey" -> rnd.nextInt(4) == 0 ? hex(32) : "{regkey}";
            case "txHash" -> "0x" + hex(32);
            case "reward", "price", "amount" -> rnd.nextInt(3) > 0 ? MONEY[rnd.nextInt(4)] : pick(MONEY);
            case "deadline" -> pick("{future}", "{future}", "{past}", "2026-13-01T00:00:00Z", "tomorrow");
            case "listingId" -> pick("{listing}", "{uuid}", "{job}", "not-a-uuid", "{listing}".toUpperCase());
            case "payoutEndpoint" -> pick("https://example.com/pay", "http://127.0.0.1/x", "https://10.0.0.1/", "ftp://x",
                    "https://[::1]/", "not a url");
            case "nonce" -> hex(16);
            case "signature" -> "0x" + hex(65);
            case "name" -> "fuzz-" + rnd.nextInt(1_000_000);
            case "command" -> "python3 -m pytest -q";
            default -> "text " + rnd.nextInt(1000);
        };
    }

    /** One to three changes somewhere in the tree. */
    JsonNode mutate(JsonNode body) {
        JsonNode root = body.deepCopy();
        for (int i = 1 + rnd.nextInt(3); i > 0; i--) {
            List<ObjectNode> objects = new ArrayList<>();
            collect(root, objects);
            if (objects.isEmpty()) {
                return poison();
            }
            ObjectNode o = objects.get(rnd.nextInt(objects.size()));
            List<String> names = new ArrayList<>();
            o.fieldNames().forEachRemaining(names::add);
            String field = names.isEmpty() || rnd.nextInt(5) == 0 ? pick("admin", "id", "status", "__proto__", "")
                    : names.get(rnd.nextInt(names.size()));
            if (rnd.nextInt(6) == 0) {
                o.remove(field);
            } else {
                o.set(field, poison());
            }
        }
        return root;
    }

    JsonNode poison() {
        return switch (rnd.nextInt(16)) {
            case 0 -> F.nullNode();
            case 1 -> F.numberNode(rnd.nextInt(3) - 1);
            case 2 -> F.numberNode(new java.math.BigInteger("1" + "0".repeat(20 + rnd.nextInt(400))));
            case 3 -> F.numberNode(rnd.nextBoolean() ? 1e308 : -4.9e-324);
            case 4 -> F.booleanNode(true);
            case 5 -> F.arrayNode().add(F.nullNode());
            case 6 -> F.objectNode().putNull("x");
            case 7 -> F.textNode("");
            case 8 -> F.textNode("x".repeat(pickInt(201, 2001, 5001, 20_001, 300_000)));
            case 9 -> F.textNode("nul\u0000byte");
            case 10 -> F.textNode(LONE_SURROGATE);
            case 11 -> F.textNode(DEEP);
            case 12 -> F.textNode("\u202e\ud83d\ude00 \u00e9 \uffff \t\r\n");
            case 13 -> F.textNode(pick("{open}", "{job}", "{agent0}", "{uuid}", "00000000-0000-0000-0000-000000000000"));
            case 14 -> F.arrayNode().add("a").add(7);
            default -> F.textNode(" " + pick(MONEY) + " ");
        };
    }

    private static void collect(JsonNode n, List<ObjectNode> out) {
        if (n instanceof ObjectNode o) {
            out.add(o);
        }
        n.forEach(child -> collect(child, out));
    }

    String hex(int bytes) {
        byte[] b = new byte[bytes];
        rnd.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    @SafeVarargs
    final <T> T pick(T... options) {
        return options[rnd.nextInt(options.length)];
    }

    int pickInt(int... options) {
        return options[rnd.nextInt(options.length)];
    }
}
