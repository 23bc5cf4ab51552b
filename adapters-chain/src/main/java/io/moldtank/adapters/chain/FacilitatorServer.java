package io.moldtank.adapters.chain;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.moldtank.adapters.chain.ChainAdapters.Facilitator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;
import java.util.function.BiFunction;

/**
 * The self-hosted facilitator over HTTP in CDP's shape: POST /verify and /settle take
 * {x402Version, paymentPayload, paymentRequirements}; GET /supported lists the one kind we settle.
 * The JDK's HTTP server is enough for this low-traffic, internal endpoint.
 */
final class FacilitatorServer implements Facilitator {
    private final HttpServer server;
    private final URI url;

    private FacilitatorServer(HttpServer server) {
        this.server = server;
        InetSocketAddress a = server.getAddress();
        this.url = URI.create("http://" + a.getHostString() + ":" + a.getPort());
    }

    static FacilitatorServer start(X402Facilitator facilitator, long chainId, InetSocketAddress bind) {
        try {
            HttpServer server = HttpServer.create(bind, 16);
            server.createContext("/verify", ex -> post(ex, facilitator::verify));
            server.createContext("/settle", ex -> post(ex, facilitator::settle));
            server.createContext("/supported", ex -> {
                ObjectNode body = X402Wire.JSON.createObjectNode();
                for (int version : new int[] {1, 2}) {
                    body.withArray("kinds").addObject().put("x402Version", version).put("scheme", "exact")
                            .put("network", X402Wire.network(version, chainId));
                }
                respond(ex, 200, body);
            });
            server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
            server.start();
            return new FacilitatorServer(server);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the facilitator on " + bind, e);
        }
    }

    private static void post(HttpExchange ex, BiFunction<JsonNode, JsonNode, ObjectNode> handler) throws IOException {
        if (!"POST".equals(ex.getRequestMethod())) {
            respond(ex, 405, X402Wire.JSON.createObjectNode().put("error", "POST only"));
            return;
        }
        JsonNode body = X402Wire.parse(new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        if (body == null || !body.path("paymentPayload").isObject() || !body.path("paymentRequirements").isObject()) {
            respond(ex, 400, X402Wire.JSON.createObjectNode().put("isValid", false).put("success", false)
                    .put("invalidReason", "invalid_payload").put("errorReason", "invalid_payload"));
            return;
        }
        try {
            respond(ex, 200, handler.apply(body.get("paymentPayload"), body.get("paymentRequirements")));
        } catch (RuntimeException e) {
            respond(ex, 500, X402Wire.JSON.createObjectNode().put("error", e.toString()));
        }
    }

    private static void respond(HttpExchange ex, int status, JsonNode body) throws IOException {
        byte[] bytes = X402Wire.JSON.writeValueAsBytes(body);
        ex.getResponseHeaders().set("Content-Type", "application/json");
        ex.sendResponseHeaders(status, bytes.length);
        ex.getResponseBody().write(bytes);
        ex.close();
    }

    @Override
    public URI url() {
        return url;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
