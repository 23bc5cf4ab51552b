package io.moldtank.app.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Inputs that once broke a property, one JSON object per line (app/src/test/resources/fuzz/regressions.jsonl):
 * {@code kind, method, path, query, auth, note}, the body as {@code text} (UTF-8) or {@code base64}, and
 * {@code edits} as {@code [op, header, value]} triples. Lines starting with {@code #} are comments.
 */
final class Corpus {
    static final String RESOURCE = "/fuzz/regressions.jsonl";

    private Corpus() {
    }

    static List<FuzzRequest> regressions() {
        try (InputStream in = Corpus.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing " + RESOURCE);
            }
            List<FuzzRequest> out = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    out.add(parse(ApiSpec.JSON.readTree(line)));
                }
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static FuzzRequest parse(JsonNode n) {
        List<FuzzRequest.Edit> edits = new ArrayList<>();
        n.path("edits").forEach(e -> edits.add(new FuzzRequest.Edit(e.get(0).asText(), e.get(1).asText(), e.get(2).asText())));
        byte[] body = n.has("base64") ? Base64.getDecoder().decode(n.get("base64").asText())
                : n.path("text").asText("").getBytes(StandardCharsets.UTF_8);
        return new FuzzRequest(n.path("kind").asText("http"), n.path("method").asText(""), n.path("path").asText(""),
                n.hasNonNull("query") ? n.get("query").asText() : null, body, n.path("auth").asText("none"), edits,
                n.path("note").asText(null));
    }

    static String line(FuzzRequest r) {
        ObjectNode n = ApiSpec.JSON.createObjectNode();
        n.put("kind", r.kind()).put("method", r.method()).put("path", r.path()).put("query", r.query())
                .put("auth", r.auth()).put("note", r.note());
        try {
            n.put("text", StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(r.body())).toString());
        } catch (CharacterCodingException e) {
            n.put("base64", Base64.getEncoder().encodeToString(r.body()));
        }
        var edits = n.putArray("edits");
        r.edits().forEach(e -> edits.addArray().add(e.op()).add(e.name()).add(e.value()));
        return n.toString();
    }

    /** Appends failing inputs to {@code file}, so they become regressions once copied into (or run in) the tree. */
    static void append(Path file, List<FuzzRequest> failed) {
        if (failed.isEmpty()) {
            return;
        }
        StringBuilder sb = new StringBuilder();
        failed.forEach(r -> sb.append(line(r)).append('\n'));
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, sb, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
