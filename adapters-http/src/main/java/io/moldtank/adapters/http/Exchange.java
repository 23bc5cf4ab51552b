package io.moldtank.adapters.http;

import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.UUID;
import java.util.regex.Pattern;

/** Reading bounded bodies and path ids, and writing JSON answers: the plumbing every handler shares. */
final class Exchange {
    static final int MAX_BODY = 1024 * 1024;
    /** Compiled once: String.matches compiles its pattern on every call. */
    private static final Pattern LIMIT = Pattern.compile("\\d{1,3}");

    private Exchange() {
    }

    /**
     * The whole body, at most {@link #MAX_BODY} bytes. A declared length over the limit is refused before
     * reading; a chunked body is cut off at limit + 1 so a liar cannot make us buffer more.
     */
    static byte[] body(ServerRequest req) {
        if (req.headers().contentLength().orElse(0) > MAX_BODY) {
            throw ApiProblem.tooLarge(MAX_BODY);
        }
        if (!req.content().hasEntity()) {
            return new byte[0];
        }
        try (InputStream in = req.content().inputStream()) {
            byte[] bytes = in.readNBytes(MAX_BODY + 1);
            if (bytes.length > MAX_BODY) {
                throw ApiProblem.tooLarge(MAX_BODY);
            }
            return bytes;
        } catch (IOException | UncheckedIOException e) {
            throw ApiProblem.badRequest("the body could not be read: " + e.getMessage());
        } catch (ApiProblem e) {
            throw e;
        } catch (RuntimeException e) {
            // Helidon's entity decoding fails this way on a body shorter than its Content-Length or a broken
            // chunk header: the client's framing, not a server fault.
            throw ApiProblem.badRequest("the body could not be read: " + e.getClass().getSimpleName());
        }
    }

    /** The JSON body of a request that must carry one. */
    static byte[] jsonBody(ServerRequest req) {
        byte[] body = body(req);
        String type = RequestHeaders.mediaType(req.headers()).orElse("");
        if (body.length > 0 && !type.equals("application/json")) {
            throw ApiProblem.unsupportedMedia();
        }
        return body;
    }

    static UUID pathId(ServerRequest req, String name) {
        String text = req.path().pathParameters().get(name);
        try {
            UUID id = UUID.fromString(text);
            if (!id.toString().equals(text.toLowerCase(java.util.Locale.ROOT))) {
                throw new IllegalArgumentException("not canonical");
            }
            return id;
        } catch (IllegalArgumentException e) {
            throw ApiProblem.invalid(name, "must be a UUID");
        }
    }

    static void json(ServerResponse res, Status status, Object body) {
        res.status(status);
        res.header(HeaderNames.CONTENT_TYPE, "application/json");
        res.send(Json.write(body));
    }

    static void ok(ServerResponse res, Object body) {
        json(res, Status.OK_200, body);
    }

    /** 200 with JSON already rendered. */
    static void okJson(ServerResponse res, byte[] json) {
        res.status(Status.OK_200);
        res.header(HeaderNames.CONTENT_TYPE, "application/json");
        res.send(json);
    }

    /** {@code ?limit=}: 1..100, {@link ListQuery#DEFAULT_LIMIT} when absent; else 400. */
    static int pageLimit(ServerRequest req) {
        int limit = req.query().first("limit").map(l -> LIMIT.matcher(l).matches() ? Integer.parseInt(l) : -1)
                .orElse(ListQuery.DEFAULT_LIMIT);
        if (limit < 1 || limit > 100) {
            throw ApiProblem.invalid("limit", "1..100");
        }
        return limit;
    }
}
