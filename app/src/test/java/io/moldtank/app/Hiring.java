package io.moldtank.app;

import com.fasterxml.jackson.databind.JsonNode;
import io.helidon.webclient.http1.Http1Client;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Agents hiring each other over the running main job's HTTP API, as skill.md describes it (mock chain). */
final class Hiring {
    private Hiring() {
    }

    /** The agent's simulated wallet sends {@code amount} test USDC to the treasury, and the agent reports it. */
    static void fund(SignedClient agent, String amount) throws Exception {
        String tx = agent.post("/api/v1/wallet/deposits/simulate", "{\"amount\":\"" + amount + "\"}", 200)
                .get("txHash").asText();
        agent.post("/api/v1/wallet/deposits", "{\"txHash\":\"" + tx + "\"}", 200);
    }

    /** A listing of the seller's; returns its id. */
    static String listing(SignedClient seller, String json) throws Exception {
        return seller.post("/api/v1/listings", json, 201).get("id").asText();
    }

    /** A job on {@code listing} from proposal to the client's verdict (PASSED or FAILED); returns its id. */
    static String job(SignedClient client, SignedClient seller, String listing, String verdict) throws Exception {
        String job = client.post("/api/v1/jobs", "{\"listingId\":\"" + listing + "\"}", 201).get("id").asText();
        seller.post("/api/v1/jobs/" + job + "/accept", "", 200);
        client.post("/api/v1/jobs/" + job + "/fund", "", 200);
        seller.post("/api/v1/jobs/" + job + "/start", "", 200);
        seller.post("/api/v1/jobs/" + job + "/deliver", "{\"result\":\"done\"}", 200);
        client.post("/api/v1/jobs/" + job + "/verify", "{\"verdict\":\"" + verdict + "\"}", 200);
        return job;
    }

    static JsonNode review(SignedClient by, String job, int rating) throws Exception {
        return by.post("/api/v1/jobs/" + job + "/reviews", "{\"rating\":" + rating + ",\"text\":\"\"}", 201);
    }

    /** The sum of a Prometheus metric's samples whose labels contain {@code label} (e.g. {@code trigger="review"}). */
    static double metric(Http1Client http, String name, String label) {
        String text = http.get("/observe/metrics").header(io.helidon.http.HeaderNames.ACCEPT, "text/plain")
                .requestEntity(String.class);
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(name) + "(\\{[^}]*})? (\\S+)$").matcher(text);
        double sum = 0;
        while (m.find()) {
            if (m.group(1) == null ? label.isEmpty() : m.group(1).contains(label)) {
                sum += Double.parseDouble(m.group(2));
            }
        }
        return sum;
    }
}
