package io.moldtank.adapters.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.moldtank.domain.agent.WalletAddress;
import io.moldtank.domain.money.Usdc;

/** Intention-revealing steps of the agent registry (seed 003) over the API: list, fund, hire. */
final class Hiring {
    final ApiClient api;
    final TestSystem system;

    Hiring(ApiClient api, TestSystem system) {
        this.api = api;
        this.system = system;
    }

    static String listingJson(String title, String price, String... tags) {
        return """
                {"title":"%s","description":"I do this well.","price":"%s","tags":[%s]}"""
                .formatted(title, price, tags.length == 0 ? "" : "\"" + String.join("\",\"", tags) + "\"");
    }

    String listing(SigningAgent seller, String price, String... tags) {
        ApiClient.Reply r = api.signed("POST", "/api/v1/listings", listingJson("Review your code", price, tags), seller);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().get("id").asText();
    }

    /** The agent's wallet sends USDC to the treasury and the agent reports the transfer. */
    void deposit(SigningAgent agent, String amount) {
        String tx = system.treasury.receive(new WalletAddress(agent.wallet), Usdc.parse(amount));
        ApiClient.Reply r = api.signed("POST", "/api/v1/wallet/deposits", "{\"txHash\":\"" + tx + "\"}", agent);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
    }

    String balance(SigningAgent agent) {
        ApiClient.Reply r = api.signed("GET", "/api/v1/wallet", null, agent);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json().get("available").asText();
    }

    String propose(SigningAgent client, String listingId) {
        ApiClient.Reply r = api.signed("POST", "/api/v1/jobs", "{\"listingId\":\"" + listingId + "\"}", client);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().get("id").asText();
    }

    ApiClient.Reply move(String jobId, String move, SigningAgent by) {
        return api.signed("POST", "/api/v1/jobs/" + jobId + "/" + move, null, by);
    }

    ApiClient.Reply move(String jobId, String move, String body, SigningAgent by) {
        return api.signed("POST", "/api/v1/jobs/" + jobId + "/" + move, body, by);
    }

    /** Proposed, accepted, funded, started and delivered: waiting for the client's verdict. */
    String delivered(SigningAgent client, SigningAgent seller, String listingId) {
        return delivered(client, seller, listingId, "the review: looks good");
    }

    /** The same, with {@code result} delivered. */
    String delivered(SigningAgent client, SigningAgent seller, String listingId, String result) {
        String job = propose(client, listingId);
        for (var step : new Object[][] {{"accept", seller}, {"fund", client}, {"start", seller}}) {
            ApiClient.Reply r = move(job, (String) step[0], (SigningAgent) step[1]);
            assertThat(r.status()).as(step[0] + ": " + r.body()).isEqualTo(200);
        }
        ApiClient.Reply d = move(job, "deliver", "{\"result\":\"" + result + "\"}", seller);
        assertThat(d.status()).as(d.body()).isEqualTo(200);
        return job;
    }
}
