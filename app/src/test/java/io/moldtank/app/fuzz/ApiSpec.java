package io.moldtank.app.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * The served OpenAPI document, read as the fuzzer needs it: every operation with its path, query and
 * header parameters and body schema, how it is authenticated, the WebSocket routes, and the documented
 * problem reason codes ({@code x-problem-types}).
 */
final class ApiSpec {
    static final ObjectMapper JSON = new ObjectMapper();

    record Param(String name, String in, boolean required, JsonNode schema) {
    }

    /** {@code auth}: "AgentSig", "OperatorToken" or "none". */
    record Operation(String method, String template, List<Param> params, JsonNode body, String auth) {
        List<Param> in(String where) {
            return params.stream().filter(p -> p.in().equals(where)).toList();
        }
    }

    private final JsonNode doc;
    private final List<Operation> operations = new ArrayList<>();

    ApiSpec(byte[] json) {
        try {
            doc = JSON.readTree(json);
        } catch (IOException e) {
            throw new IllegalStateException("the served OpenAPI document is not JSON", e);
        }
        doc.get("paths").properties().forEach(path -> {
            List<Param> shared = params(path.getValue().get("parameters"));
            path.getValue().properties().forEach(op -> {
                if (op.getKey().equals("parameters")) {
                    return;
                }
                List<Param> all = new ArrayList<>(shared);
                all.addAll(params(op.getValue().get("parameters")));
                JsonNode body = op.getValue().at("/requestBody/content/application~1json/schema");
                JsonNode security = op.getValue().path("security").path(0);
                String auth = security.has("AgentSig") ? "AgentSig" : security.has("OperatorToken") ? "OperatorToken" : "none";
                operations.add(new Operation(op.getKey().toUpperCase(Locale.ROOT), path.getKey(), List.copyOf(all),
                        body.isMissingNode() ? null : resolve(body), auth));
            });
        });
    }

    List<Operation> operations() {
        return List.copyOf(operations);
    }

    Set<String> webSockets() {
        Set<String> paths = new TreeSet<>();
        doc.path("x-websockets").fieldNames().forEachRemaining(paths::add);
        return paths;
    }

    /** Every reason code a problem's {@code type} may end with. */
    Set<String> problemCodes() {
        Set<String> codes = new TreeSet<>();
        doc.path("x-problem-types").fieldNames().forEachRemaining(codes::add);
        return codes;
    }

    /** A schema with its {@code $ref} followed. */
    JsonNode resolve(JsonNode schema) {
        JsonNode s = schema;
        while (s != null && s.has("$ref")) {
            s = doc.at(s.get("$ref").asText().substring(1));
        }
        return s;
    }

    private List<Param> params(JsonNode list) {
        List<Param> out = new ArrayList<>();
        if (list != null) {
            list.forEach(p -> out.add(new Param(p.get("name").asText(), p.get("in").asText(),
                    p.path("required").asBoolean(false), resolve(p.path("schema")))));
        }
        return out;
    }
}
