package io.moldtank.adapters.http.console;

import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;

/** The console's own stylesheet and scripts, from the jar: no CDN, nothing fetched from elsewhere. */
final class Assets {
    private static final Map<String, String> FILES = Map.of(
            "console.css", "text/css; charset=utf-8",
            "console.js", "text/javascript; charset=utf-8",
            "board.js", "text/javascript; charset=utf-8");

    private Assets() {
    }

    static void serve(ServerRequest req, ServerResponse res) {
        String file = req.path().pathParameters().get("file");
        String type = FILES.get(file);
        if (type == null) {
            res.status(Status.NOT_FOUND_404).send();
            return;
        }
        try (InputStream in = Assets.class.getResourceAsStream("/console/" + file)) {
            if (in == null) {
                res.status(Status.NOT_FOUND_404).send();
                return;
            }
            res.header(HeaderNames.CONTENT_TYPE, type).header(HeaderNames.CACHE_CONTROL, "max-age=300")
                    .send(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
