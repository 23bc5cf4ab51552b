package io.moldtank.adapters.chain;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * x402 wire shapes (v1 and v2, "exact" scheme on EVM) as JSON trees: what the 402 carries, the payment
 * payload the client signs, and the settlement response. Header values are standard base64 of UTF-8 JSON.
 */
final class X402Wire {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String V2_REQUIRED = "PAYMENT-REQUIRED";
    static final String V2_PAYMENT = "PAYMENT-SIGNATURE";
    static final String V2_RESPONSE = "PAYMENT-RESPONSE";
    static final String V1_PAYMENT = "X-PAYMENT";
    static final String V1_RESPONSE = "X-PAYMENT-RESPONSE";

    private X402Wire() {
    }

    /** CAIP-2 for v2; v1 names for the two Base networks, CAIP-2 otherwise (a local node). */
    static String network(int version, long chainId) {
        if (version == 1 && chainId == 8453) {
            return "base";
        }
        if (version == 1 && chainId == 84532) {
            return "base-sepolia";
        }
        return "eip155:" + chainId;
    }

    /** The amount a requirement asks for: {@code amount} in v2, {@code maxAmountRequired} in v1. */
    static BigInteger amount(JsonNode requirement) {
        JsonNode n = requirement.has("amount") ? requirement.get("amount") : requirement.get("maxAmountRequired");
        if (n == null || !n.asText().matches("\\d{1,30}")) {
            return null;
        }
        return new BigInteger(n.asText());
    }

    static ObjectNode authorization(Eip3009.Authorization a) {
        ObjectNode o = JSON.createObjectNode();
        o.put("from", a.from());
        o.put("to", a.to());
        o.put("value", a.value().toString());
        o.put("validAfter", a.validAfter().toString());
        o.put("validBefore", a.validBefore().toString());
        o.put("nonce", a.nonce());
        return o;
    }

    static Eip3009.Authorization authorization(JsonNode o) {
        return new Eip3009.Authorization(o.path("from").asText(), o.path("to").asText(),
                new BigInteger(o.path("value").asText("0")), new BigInteger(o.path("validAfter").asText("0")),
                new BigInteger(o.path("validBefore").asText("0")), o.path("nonce").asText());
    }

    /** v2 echoes the whole chosen requirement as {@code accepted}; v1 names scheme and network. */
    static ObjectNode paymentPayload(int version, JsonNode requirement, Eip3009.Authorization a, String signature) {
        ObjectNode payload = JSON.createObjectNode();
        payload.put("x402Version", version);
        if (version >= 2) {
            payload.set("accepted", requirement);
        } else {
            payload.put("scheme", requirement.path("scheme").asText());
            payload.put("network", requirement.path("network").asText());
        }
        ObjectNode inner = payload.putObject("payload");
        inner.put("signature", signature);
        inner.set("authorization", authorization(a));
        return payload;
    }

    static String toBase64(JsonNode node) {
        try {
            return Base64.getEncoder().encodeToString(JSON.writeValueAsBytes(node));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode fromBase64(String header) {
        try {
            return JSON.readTree(new String(Base64.getDecoder().decode(header.trim()), StandardCharsets.UTF_8));
        } catch (IOException | IllegalArgumentException e) {
            return null;
        }
    }

    static JsonNode parse(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            return null;
        }
    }
}
