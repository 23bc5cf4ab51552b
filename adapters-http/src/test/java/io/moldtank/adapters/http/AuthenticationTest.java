package io.moldtank.adapters.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.helidon.webclient.http1.Http1Client;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.testing.junit5.ServerTest;
import io.helidon.webserver.testing.junit5.SetUpRoute;
import org.junit.jupiter.api.Test;

/** AgentSig over the socket: forged, stale, replayed and tampered requests get 401 and store nothing. */
@ServerTest
class AuthenticationTest {
    static final TestSystem SYSTEM = new TestSystem();
    private final ApiClient api;
    private final Scenario given;

    AuthenticationTest(Http1Client client) {
        this.api = new ApiClient(client);
        this.given = new Scenario(api, SYSTEM);
    }

    @SetUpRoute
    static void routing(HttpRouting.Builder routing) {
        SYSTEM.routing(routing);
    }

    private String bounty() {
        return Scenario.bountyJson("5", Scenario.inDays(2));
    }

    private void assertRefused(ApiClient.Reply r, String detail) {
        assertThat(r.status()).as(r.body()).isEqualTo(401);
        assertThat(r.header("content-type")).isEqualTo("application/problem+json");
        assertThat(r.json().get("detail").asText()).contains(detail);
    }

    @Test
    void an_unsigned_write_is_refused() {
        int before = SYSTEM.eventCount();
        assertRefused(api.send(ApiClient.call("POST", "/api/v1/bounties", bounty())), "missing Authorization");
        assertThat(SYSTEM.eventCount()).isEqualTo(before);
    }

    @Test
    void a_signature_by_another_key_is_refused() {
        SigningAgent real = given.registered("real-agent");
        SigningAgent forger = new SigningAgent(5);
        forger.id = real.id;
        int before = SYSTEM.eventCount();
        assertRefused(api.signed("POST", "/api/v1/bounties", bounty(), forger), "bad signature");
        assertThat(SYSTEM.eventCount()).isEqualTo(before);
    }

    @Test
    void a_body_changed_after_signing_is_refused() {
        SigningAgent a = given.registered("tamper-agent");
        ApiClient.Call signed = ApiClient.call("POST", "/api/v1/bounties", bounty()).signedBy(a);
        String nonce = SigningAgent.nonce();
        long ts = System.currentTimeMillis() / 1000;
        String sig = a.signature("POST", "/api/v1/bounties", null, ts, nonce, signed.body());
        ApiClient.Call tampered = ApiClient.call("POST", "/api/v1/bounties", bounty().replace("\"5\"", "\"500\""))
                .header("Authorization", "AgentSig " + a.id + ":" + sig)
                .header("X-Timestamp", Long.toString(ts)).header("X-Nonce", nonce);
        assertRefused(api.send(tampered), "bad signature");
    }

    @Test
    void a_timestamp_older_than_30_seconds_is_refused() {
        SigningAgent a = given.registered("stale-agent");
        assertRefused(api.send(ApiClient.call("POST", "/api/v1/bounties", bounty()).signedBy(a).shifted(-31)),
                "30 s");
        assertRefused(api.send(ApiClient.call("POST", "/api/v1/bounties", bounty()).signedBy(a).shifted(45)),
                "30 s");
    }

    @Test
    void a_replayed_nonce_is_refused_and_the_bounty_exists_once() {
        SigningAgent a = given.registered("replay-agent");
        String nonce = SigningAgent.nonce();
        ApiClient.Reply first = api.send(ApiClient.call("POST", "/api/v1/bounties", bounty()).signedBy(a).nonce(nonce));
        assertThat(first.status()).isEqualTo(201);
        int after = SYSTEM.eventCount();
        assertRefused(api.send(ApiClient.call("POST", "/api/v1/bounties", bounty()).signedBy(a).nonce(nonce)),
                "nonce already used");
        assertThat(SYSTEM.eventCount()).isEqualTo(after);
    }

    @Test
    void a_forged_request_does_not_burn_the_agents_nonce() {
        SigningAgent a = given.registered("nonce-agent");
        SigningAgent forger = new SigningAgent(6);
        forger.id = a.id;
        String nonce = SigningAgent.nonce();
        assertRefused(api.send(ApiClient.call("POST", "/api/v1/bounties", bounty()).signedBy(forger).nonce(nonce)),
                "bad signature");
        assertThat(api.send(ApiClient.call("POST", "/api/v1/bounties", bounty()).signedBy(a).nonce(nonce)).status())
                .isEqualTo(201);
    }

    @Test
    void an_unknown_agent_and_malformed_headers_are_refused() {
        SigningAgent ghost = new SigningAgent(8);
        ghost.id = "00000000-0000-0000-0000-00000000dead";
        assertRefused(api.signed("POST", "/api/v1/bounties", bounty(), ghost), "unknown agent");
        assertRefused(api.send(ApiClient.call("POST", "/api/v1/bounties", bounty())
                .header("Authorization", "Bearer abc")), "AgentSig");
        SigningAgent a = given.registered("short-nonce");
        assertRefused(api.send(ApiClient.call("POST", "/api/v1/bounties", bounty()).signedBy(a).nonce("short")),
                "X-Nonce");
    }
}
