package io.moldtank.adapters.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.helidon.http.HeaderNames;
import io.helidon.http.Method;
import io.helidon.webclient.http1.Http1Client;
import io.helidon.webclient.http1.Http1ClientRequest;
import io.helidon.webclient.http1.Http1ClientResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** Requests over the real socket, signed by a {@link SigningAgent} unless told otherwise. */
final class ApiClient {
    record Reply(int status, String body, Map<String, String> headers) {
        JsonNode json() {
            try {
                return Json.MAPPER.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + body, e);
            }
        }

        String header(String name) {
            return headers.get(name.toLowerCase(java.util.Locale.ROOT));
        }

        /** The suffix of a problem's type, e.g. "cancel-with-submissions". */
        String problem() {
            return json().path("type").asText().replace(ApiProblem.TYPE_ROOT, "");
        }
    }

    /** One request; {@code timestampShift} and {@code nonce} let tests send stale or replayed ones. */
    record Call(String method, String path, String query, byte[] body, SigningAgent signer, long timestampShift,
                String nonce, Map<String, String> extraHeaders) {
        Call signedBy(SigningAgent s) {
            return new Call(method, path, query, body, s, timestampShift, nonce, extraHeaders);
        }

        Call nonce(String n) {
            return new Call(method, path, query, body, signer, timestampShift, n, extraHeaders);
        }

        Call shifted(long seconds) {
            return new Call(method, path, query, body, signer, seconds, nonce, extraHeaders);
        }

        Call header(String name, String value) {
            Map<String, String> h = new LinkedHashMap<>(extraHeaders);
            h.put(name, value);
            return new Call(method, path, query, body, signer, timestampShift, nonce, h);
        }
    }

    private final Http1Client client;

    ApiClient(Http1Client client) {
        this.client = client;
    }

    static Call call(String method, String path, String body) {
        return new Call(method, path, null, body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8), null,
                0, null, Map.of());
    }

    static Call call(String method, String path, byte[] body) {
        return new Call(method, path, null, body, null, 0, null, Map.of());
    }

    Reply get(String pathAndQuery) {
        int q = pathAndQuery.indexOf('?');
        return send(new Call("GET", q < 0 ? pathAndQuery : pathAndQuery.substring(0, q),
                q < 0 ? null : pathAndQuery.substring(q + 1), new byte[0], null, 0, null, Map.of()));
    }

    Reply signed(String method, String path, String body, SigningAgent signer) {
        return send(call(method, path, body).signedBy(signer));
    }

    Reply send(Call c) {
        Http1ClientRequest req = client.method(Method.create(c.method())).path(c.path());
        if (c.query() != null) {
            for (String pair : c.query().split("&")) {
                String[] kv = pair.split("=", 2);
                req.queryParam(kv[0], kv.length > 1 ? kv[1] : "");
            }
        }
        if (c.body().length > 0) {
            req.header(HeaderNames.CONTENT_TYPE, "application/json");
        }
        if (c.signer() != null) {
            long ts = System.currentTimeMillis() / 1000 + c.timestampShift();
            String nonce = c.nonce() != null ? c.nonce() : SigningAgent.nonce();
            String sig = c.signer().signature(c.method(), c.path(), c.query(), ts, nonce, c.body());
            req.header(HeaderNames.AUTHORIZATION, "AgentSig " + c.signer().id + ":" + sig);
            req.header(Authenticator.TIMESTAMP, Long.toString(ts));
            req.header(Authenticator.NONCE, nonce);
        }
        c.extraHeaders().forEach((k, v) -> req.header(HeaderNames.create(k), v));
        try (Http1ClientResponse res = c.body().length > 0 ? req.submit(c.body()) : req.request()) {
            Map<String, String> headers = new LinkedHashMap<>();
            res.headers().forEach(h -> headers.put(h.name().toLowerCase(java.util.Locale.ROOT), h.get()));
            return new Reply(res.status().code(), res.entity().hasEntity() ? res.as(String.class) : "", headers);
        }
    }
}
