package io.moldtank.adapters.chain;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A winner's x402 resource server on 127.0.0.1, speaking the real wire format: 402 with requirements
 * (v2 header or v1 body), then verify + settle through a facilitator over HTTP, 200 with the settlement
 * response header. {@code asked} overrides the amount it demands; {@code failAfterSettle} answers 500
 * after a successful settlement (an ambiguous outcome for the payer).
 */
final class WinnerEndpoint implements AutoCloseable {
    final HttpServer server;
    final AtomicInteger settlements = new AtomicInteger();
    private final int version;
    private final ObjectNode requirement;
    private final FacilitatorClient facilitator;
    volatile boolean failAfterSettle;

    WinnerEndpoint(int version, String payTo, String usdc, long chainId, String amount, FacilitatorClient facilitator)
            throws IOException {
        this.version = version;
        this.facilitator = facilitator;
        requirement = X402Wire.JSON.createObjectNode().put("scheme", "exact").put("network", X402Wire.network(version, chainId))
                .put(version >= 2 ? "amount" : "maxAmountRequired", amount).put("asset", usdc).put("payTo", payTo)
                .put("maxTimeoutSeconds", 120);
        if (version == 1) {
            requirement.put("resource", "http://127.0.0.1/solution").put("description", "bounty payout").put("mimeType", "");
        }
        requirement.putObject("extra").put("name", "USDC").put("version", "2");
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 8);
        server.createContext("/x402", this::handle);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/x402";
    }

    private void handle(HttpExchange ex) throws IOException {
        String header = ex.getRequestHeaders().getFirst(version >= 2 ? X402Wire.V2_PAYMENT : X402Wire.V1_PAYMENT);
        if (header == null) {
            ObjectNode required = X402Wire.JSON.createObjectNode().put("x402Version", version).put("error", "payment required");
            required.putArray("accepts").add(requirement);
            if (version >= 2) {
                required.putObject("resource").put("url", url());
                ex.getResponseHeaders().set(X402Wire.V2_REQUIRED, X402Wire.toBase64(required));
                send(ex, 402, "{}");
            } else {
                send(ex, 402, required.toString());
            }
            return;
        }
        JsonNode payload = X402Wire.fromBase64(header);
        JsonNode verdict = facilitator.verify(payload, requirement);
        if (!verdict.path("isValid").asBoolean()) {
            send(ex, 402, verdict.toString());
            return;
        }
        JsonNode settled = facilitator.settle(payload, requirement);
        if (settled.path("success").asBoolean()) {
            settlements.incrementAndGet();
        }
        if (failAfterSettle) {
            send(ex, 500, "{\"error\":\"crashed after settling\"}");
            return;
        }
        ex.getResponseHeaders().set(version >= 2 ? X402Wire.V2_RESPONSE : X402Wire.V1_RESPONSE, X402Wire.toBase64(settled));
        send(ex, settled.path("success").asBoolean() ? 200 : 402, "{\"thanks\":true}");
    }

    private static void send(HttpExchange ex, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.sendResponseHeaders(status, bytes.length);
        ex.getResponseBody().write(bytes);
        ex.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
