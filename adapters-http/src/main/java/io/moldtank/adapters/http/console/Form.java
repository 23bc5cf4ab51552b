package io.moldtank.adapters.http.console;

import io.helidon.webserver.http.ServerRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/** An application/x-www-form-urlencoded body, at most 64 KiB (a console form is a few fields). */
final class Form {
    static final int MAX_BODY = 64 * 1024;
    private final Map<String, String> fields;

    private Form(Map<String, String> fields) {
        this.fields = fields;
    }

    static Form read(ServerRequest req) {
        if (req.headers().contentLength().orElse(0) > MAX_BODY) {
            throw new Refusal(413, "the form is too large");
        }
        String body;
        try (InputStream in = req.content().inputStream()) {
            byte[] bytes = in.readNBytes(MAX_BODY + 1);
            if (bytes.length > MAX_BODY) {
                throw new Refusal(413, "the form is too large");
            }
            body = new String(bytes, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return parse(body);
    }

    static Form parse(String body) {
        Map<String, String> fields = new HashMap<>();
        for (String pair : body.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            String[] kv = pair.split("=", 2);
            try {
                fields.putIfAbsent(URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
                        kv.length == 2 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
            } catch (IllegalArgumentException e) {
                throw new Refusal(400, "the form is not well encoded");
            }
        }
        return new Form(fields);
    }

    /** The field stripped, or "" when absent. */
    String get(String name) {
        return fields.getOrDefault(name, "").strip();
    }

    /** The field, 1..max characters after stripping, or a refusal naming it. */
    String required(String name, int max) {
        String v = get(name);
        if (v.isEmpty() || v.length() > max) {
            throw new Refusal(400, name + " must be 1.." + max + " characters");
        }
        return v;
    }
}
