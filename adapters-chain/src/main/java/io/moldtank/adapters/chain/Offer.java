package io.moldtank.adapters.chain;

import com.fasterxml.jackson.databind.JsonNode;
import io.moldtank.adapters.chain.ChainAdapters.ChainSettings;
import java.math.BigInteger;
import java.util.Optional;

/**
 * The one requirement from a 402 we are willing to pay: scheme "exact", our network, our USDC, exactly
 * the payout amount, with the token's EIP-712 name and version given. Anything else is not ours to pay.
 */
record Offer(int version, JsonNode requirement, String payTo, long timeoutSeconds, String tokenName,
             String tokenVersion) {

    static Optional<Offer> choose(WinnerHttp.Reply response, ChainSettings settings, BigInteger amount) {
        JsonNode required = response.header(X402Wire.V2_REQUIRED).map(X402Wire::fromBase64)
                .orElseGet(() -> X402Wire.parse(response.body()));
        if (required == null || !required.path("accepts").isArray()) {
            return Optional.empty();
        }
        int version = required.path("x402Version").asInt(1);
        for (JsonNode r : required.get("accepts")) {
            boolean ours = "exact".equals(r.path("scheme").asText())
                    && X402Wire.network(version, settings.chainId()).equals(r.path("network").asText())
                    && settings.usdcAddress().equalsIgnoreCase(r.path("asset").asText())
                    && amount.equals(X402Wire.amount(r))
                    && r.path("payTo").asText().matches("0x[0-9a-fA-F]{40}")
                    && !r.path("extra").path("name").asText().isEmpty()
                    && !r.path("extra").path("version").asText().isEmpty();
            if (ours) {
                long timeout = Math.max(60, Math.min(3600, r.path("maxTimeoutSeconds").asLong(300)));
                return Optional.of(new Offer(version, r, r.path("payTo").asText(), timeout,
                        r.path("extra").path("name").asText(), r.path("extra").path("version").asText()));
            }
        }
        return Optional.empty();
    }
}
