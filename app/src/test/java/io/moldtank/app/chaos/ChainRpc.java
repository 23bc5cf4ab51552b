package io.moldtank.app.chaos;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * The few JSON-RPC calls a poster's wallet makes on a development node (Anvil): its dev accounts are
 * unlocked, so {@code eth_sendTransaction} signs for them, as a wallet would sign the unsigned transactions
 * MoldTank hands out.
 */
final class ChainRpc {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();

    private final URI url;

    ChainRpc(String url) {
        this.url = URI.create(url);
    }

    /** Sends {@code to}/{@code data} from {@code from} and waits for the receipt; returns the tx hash. */
    String sendAndWait(String from, String to, String data, Duration within) throws Exception {
        ObjectNode tx = JSON.createObjectNode().put("from", from).put("to", to).put("data", data);
        String hash = call("eth_sendTransaction", JSON.createArrayNode().add(tx)).asText();
        requireMined(hash, within);
        return hash;
    }

    /** Fails unless {@code hash} is mined with status 1 within {@code within}. */
    void requireMined(String hash, Duration within) throws Exception {
        long until = System.nanoTime() + within.toNanos();
        while (System.nanoTime() < until) {
            JsonNode receipt = call("eth_getTransactionReceipt", JSON.createArrayNode().add(hash));
            if (!receipt.isNull()) {
                if (!"0x1".equals(receipt.path("status").asText())) {
                    throw new IllegalStateException("transaction " + hash + " reverted: " + receipt);
                }
                return;
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("transaction " + hash + " not mined within " + within);
    }

    /** ERC-20 {@code balanceOf(owner)} in the token's smallest unit. */
    BigInteger balanceOf(String token, String owner) throws Exception {
        String data = "0x70a08231" + "0".repeat(24) + owner.substring(2).toLowerCase(java.util.Locale.ROOT);
        ObjectNode call = JSON.createObjectNode().put("to", token).put("data", data);
        return new BigInteger(call("eth_call", JSON.createArrayNode().add(call).add("latest")).asText().substring(2), 16);
    }

    private JsonNode call(String method, JsonNode params) throws Exception {
        ObjectNode request = JSON.createObjectNode().put("jsonrpc", "2.0").put("id", 1).put("method", method);
        request.set("params", params);
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(request))).build(),
                HttpResponse.BodyHandlers.ofString());
        JsonNode answer = JSON.readTree(r.body());
        if (answer.has("error")) {
            throw new IllegalStateException(method + " failed: " + answer.get("error"));
        }
        return answer.path("result");
    }
}
