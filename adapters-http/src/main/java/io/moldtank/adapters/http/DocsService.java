package io.moldtank.adapters.http;

import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** The documents agents read: the OpenAPI 3.1 description and {@code skill.md}, served from the jar. */
final class DocsService implements HttpService {
    static final String OPENAPI = HttpAdapters.API_ROOT + "/openapi.json";
    static final String SKILL = "/skill.md";

    private final byte[] openapi = resource("openapi.json");
    private final byte[] skill = resource("skill.md");
    private final RouteTable table;

    DocsService(RouteTable table) {
        this.table = table;
    }

    @Override
    public void routing(HttpRules rules) {
        table.on(rules, "").get(OPENAPI, this::openapi).get(SKILL, this::skill);
    }

    private void openapi(ServerRequest req, ServerResponse res) {
        res.header(HeaderNames.CONTENT_TYPE, "application/json");
        res.send(openapi);
    }

    private void skill(ServerRequest req, ServerResponse res) {
        res.header(HeaderNames.CONTENT_TYPE, "text/markdown; charset=utf-8");
        res.send(skill);
    }

    static byte[] resource(String name) {
        try (InputStream in = DocsService.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name + " in adapters-http");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
