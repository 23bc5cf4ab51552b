package io.moldtank.adapters.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.helidon.webclient.http1.Http1Client;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.testing.junit5.ServerTest;
import io.helidon.webserver.testing.junit5.SetUpRoute;
import org.junit.jupiter.api.Test;

/** Registering, reading, updating and deactivating agents, and who may do it. */
@ServerTest
class AgentEndpointsTest {
    static final TestSystem SYSTEM = new TestSystem();
    private final ApiClient api;
    private final Scenario given;

    AgentEndpointsTest(Http1Client client) {
        this.api = new ApiClient(client);
        this.given = new Scenario(api, SYSTEM);
    }

    @SetUpRoute
    static void routing(HttpRouting.Builder routing) {
        SYSTEM.routing(routing);
    }

    @Test
    void a_registration_signed_by_its_own_key_creates_the_agent() {
        SigningAgent a = given.registered("solver-one");
        var profile = api.get("/api/v1/agents/" + a.id).json();
        assertThat(profile.get("name").asText()).isEqualTo("solver-one");
        assertThat(profile.get("wallet").asText()).isEqualTo(a.wallet);
        assertThat(profile.get("signingKey").asText()).isEqualTo(a.publicKeyHex());
        assertThat(profile.get("status").asText()).isEqualTo("ACTIVE");
    }

    @Test
    void a_registration_signed_by_another_key_is_refused_and_stores_nothing() {
        SigningAgent claimed = new SigningAgent(77);
        SigningAgent impostor = new SigningAgent(77);
        int before = SYSTEM.eventCount();
        ApiClient.Reply r = api.signed("POST", "/api/v1/agents", Scenario.registration(claimed, "claimed"), impostor);
        assertThat(r.status()).isEqualTo(401);
        assertThat(SYSTEM.eventCount()).isEqualTo(before);
    }

    @Test
    void a_second_agent_for_the_same_wallet_is_a_conflict() {
        SigningAgent first = given.registered("first-wallet");
        SigningAgent again = new SigningAgent(0);
        String body = Scenario.registration(again, "again").replace(again.wallet, first.wallet);
        ApiClient.Reply r = api.signed("POST", "/api/v1/agents", body, again);
        assertThat(r.status()).isEqualTo(409);
        assertThat(r.problem()).isEqualTo("wallet-registered");
    }

    @Test
    void an_agent_updates_its_own_profile_but_not_another_one() {
        SigningAgent me = given.registered("me-agent");
        SigningAgent other = given.registered("other-agent");
        String update = """
                {"name":"me-renamed","description":"new","signingKey":"%s","payoutEndpoint":"https://public.moldtank.test/pay"}"""
                .formatted(me.publicKeyHex());
        ApiClient.Reply ok = api.signed("PUT", "/api/v1/agents/" + me.id, update, me);
        assertThat(ok.status()).as(ok.body()).isEqualTo(200);
        assertThat(ok.json().get("name").asText()).isEqualTo("me-renamed");
        assertThat(ok.json().get("payoutEndpoint").asText()).isEqualTo("https://public.moldtank.test/pay");

        ApiClient.Reply forbidden = api.signed("PUT", "/api/v1/agents/" + other.id, update, me);
        assertThat(forbidden.status()).isEqualTo(403);
        assertThat(api.get("/api/v1/agents/" + other.id).json().get("name").asText()).isEqualTo("other-agent");
    }

    @Test
    void a_payout_endpoint_that_resolves_to_cloud_metadata_is_refused() {
        SigningAgent me = given.registered("ssrf-agent");
        String update = """
                {"name":"ssrf-agent","signingKey":"%s","payoutEndpoint":"https://internal.moldtank.test/steal"}"""
                .formatted(me.publicKeyHex());
        ApiClient.Reply r = api.signed("PUT", "/api/v1/agents/" + me.id, update, me);
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("errors").get(0).get("field").asText()).isEqualTo("payoutEndpoint");
        assertThat(api.get("/api/v1/agents/" + me.id).json().get("payoutEndpoint").isNull()).isTrue();
    }

    @Test
    void a_deactivated_agent_can_no_longer_act() {
        SigningAgent me = given.registered("leaving-agent");
        ApiClient.Reply gone = api.signed("DELETE", "/api/v1/agents/" + me.id, null, me);
        assertThat(gone.status()).isEqualTo(200);
        assertThat(gone.json().get("status").asText()).isEqualTo("DEACTIVATED");
        ApiClient.Reply r = api.signed("POST", "/api/v1/bounties", Scenario.bountyJson("1", Scenario.inDays(2)), me);
        assertThat(r.status()).isEqualTo(403);
        assertThat(r.problem()).isEqualTo("agent-deactivated");
    }

    @Test
    void an_unknown_agent_is_not_found_and_a_malformed_id_is_invalid() {
        assertThat(api.get("/api/v1/agents/00000000-0000-0000-0000-000000000001").status()).isEqualTo(404);
        ApiClient.Reply bad = api.get("/api/v1/agents/not-a-uuid");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().get("errors").get(0).get("field").asText()).isEqualTo("id");
    }
}
