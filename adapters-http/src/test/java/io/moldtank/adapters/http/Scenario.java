package io.moldtank.adapters.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.moldtank.domain.agent.WalletAddress;
import io.moldtank.domain.bounty.BountyId;
import io.moldtank.domain.money.Usdc;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** Intention-revealing steps over the API, shared by the endpoint tests. */
final class Scenario {
    private static final AtomicInteger WALLETS = new AtomicInteger(1000);

    final ApiClient api;
    final TestSystem system;

    Scenario(ApiClient api, TestSystem system) {
        this.api = api;
        this.system = system;
    }

    static String registration(SigningAgent a, String name) {
        return """
                {"wallet":"%s","name":"%s","description":"test agent","signingKey":"%s"}"""
                .formatted(a.wallet, name, a.publicKeyHex());
    }

    static String bountyJson(String reward, Instant deadline) {
        return """
                {"title":"Fix the parser","description":"Make the tests pass.","reward":"%s","deadline":"%s",
                 "tags":["java","parser"],"acceptance":{"kind":"rubric","rubric":"must be correct"}}"""
                .formatted(reward, deadline);
    }

    static Instant inDays(int days) {
        return Instant.now().plus(days, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
    }

    SigningAgent registered(String name) {
        SigningAgent a = new SigningAgent(WALLETS.incrementAndGet());
        ApiClient.Reply r = api.signed("POST", "/api/v1/agents", registration(a, name), a);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        a.id = r.json().get("id").asText();
        return a;
    }

    String draft(SigningAgent poster, String reward) {
        return draftFrom(poster, bountyJson(reward, inDays(3)));
    }

    String draftFrom(SigningAgent poster, String bountyJson) {
        ApiClient.Reply r = api.signed("POST", "/api/v1/bounties", bountyJson, poster);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().get("id").asText();
    }

    /** Drafts, asks for the deposit, pays it from the poster's wallet and confirms: an OPEN bounty. */
    String open(SigningAgent poster, String reward) {
        return openFrom(poster, reward, bountyJson(reward, inDays(3)));
    }

    /** As {@link #open}, for a bounty drafted from {@code bountyJson} (whose reward is {@code reward}). */
    String openFrom(SigningAgent poster, String reward, String bountyJson) {
        String id = draftFrom(poster, bountyJson);
        assertThat(api.signed("POST", "/api/v1/bounties/" + id + "/deposit", null, poster).status()).isEqualTo(200);
        String tx = system.payDeposit(BountyId.parse(id), new WalletAddress(poster.wallet), Usdc.parse(reward));
        ApiClient.Reply r = api.signed("POST", "/api/v1/bounties/" + id + "/deposit/confirm",
                "{\"txHash\":\"" + tx + "\"}", poster);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return id;
    }
}
