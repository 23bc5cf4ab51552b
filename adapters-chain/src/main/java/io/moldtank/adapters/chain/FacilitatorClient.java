package io.moldtank.adapters.chain;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.moldtank.adapters.chain.ChainAdapters.ChainFailure;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * A client of any x402 facilitator with CDP's HTTP shape (the self-hosted one, or CDP's at
 * api.cdp.coinbase.com/platform/v2/x402 given an auth header). Sends the decoded payload object.
 */
final class FacilitatorClient {
    private final URI base;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    FacilitatorClient(URI base) {
        this.base = base;
    }

    JsonNode verify(JsonNode paymentPayload, JsonNode requirements) {
        return post("/verify", paymentPayload, requirements);
    }

    JsonNode settle(JsonNode paymentPayload, JsonNode requirements) {
        return post("/settle", paymentPayload, requirements);
    }

    private JsonNode post(String path, JsonNode paymentPayload, JsonNode requirements) {
        ObjectNode body = X402Wire.JSON.createObjectNode();
        body.put("x402Version", paymentPayload.path("x402Version").asInt(1));
        body.set("paymentPayload", paymentPayload);
        body.set("paymentRequirements", requirements);
        URI uri = URI.create(base.toString().replaceAll("/$", "") + path);
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(X402Wire.JSON.writeValueAsString(body))).build(),
                    HttpResponse.BodyHandlers.ofString());
            JsonNode answer = X402Wire.parse(r.body());
            // A non-2xx answer that still carries isValid/success is an answer; anything else is an outage.
            if (answer == null || !(answer.has("isValid") || answer.has("success"))) {
                throw ChainFailure.unavailable("POST " + uri, new IOException("HTTP " + r.statusCode() + " " + r.body()));
            }
            return answer;
        } catch (IOException e) {
            throw ChainFailure.unavailable("POST " + uri, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ChainFailure.unavailable("POST " + uri, e);
        }
    }
}
