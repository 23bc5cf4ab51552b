package io.moldtank.adapters.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.helidon.webclient.http1.Http1Client;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.testing.junit5.ServerTest;
import io.helidon.webserver.testing.junit5.SetUpRoute;
import io.moldtank.domain.agent.AgentId;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** An agent's webhook endpoints over signed HTTP: the secret is shown once, others' endpoints are 404. */
@ServerTest
class WebhookEndpointsTest {
    static final TestSystem SYSTEM = new TestSystem();
    private static final String GOOD = "{\"url\":\"https://public.moldtank.test/hook\",\"eventTypes\":[\"bounty.opened\"]}";
    private final ApiClient api;
    private final Scenario given;

    WebhookEndpointsTest(Http1Client client) {
        this.api = new ApiClient(client);
        this.given = new Scenario(api, SYSTEM);
    }

    @SetUpRoute
    static void routing(HttpRouting.Builder routing) {
        SYSTEM.routing(routing);
    }

    private int stored(SigningAgent a) {
        return SYSTEM.webhookStore.endpointsOf(new AgentId(UUID.fromString(a.id))).size();
    }

    @Test
    void registering_answers_201_with_the_secret_once_and_the_list_never_shows_it() {
        SigningAgent me = given.registered("hook-owner");

        ApiClient.Reply created = api.signed("POST", "/api/v1/webhooks", GOOD, me);

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().get("secret").asText()).startsWith("whsec_");
        assertThat(created.json().get("eventTypes").get(0).asText()).isEqualTo("bounty.opened");
        ApiClient.Reply list = api.signed("GET", "/api/v1/webhooks", null, me);
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.json().get("items")).hasSize(1);
        assertThat(list.body()).doesNotContain("secret", "whsec_");
    }

    @Test
    void bad_input_is_a_problem_and_nothing_is_stored() {
        SigningAgent me = given.registered("hook-bad-input");

        var privateUrl = api.signed("POST", "/api/v1/webhooks",
                "{\"url\":\"https://internal.moldtank.test/x\",\"eventTypes\":[\"bounty.opened\"]}", me);
        var plainHttp = api.signed("POST", "/api/v1/webhooks",
                "{\"url\":\"http://public.moldtank.test/x\",\"eventTypes\":[\"bounty.opened\"]}", me);
        var unknownType = api.signed("POST", "/api/v1/webhooks",
                "{\"url\":\"https://public.moldtank.test/x\",\"eventTypes\":[\"bounty.exploded\"]}", me);
        var noTypes = api.signed("POST", "/api/v1/webhooks", "{\"url\":\"https://public.moldtank.test/x\",\"eventTypes\":[]}", me);
        var unsigned = api.send(ApiClient.call("POST", "/api/v1/webhooks", GOOD));

        assertThat(privateUrl.status()).isEqualTo(400);
        assertThat(privateUrl.body()).contains("url", "non-public");
        assertThat(plainHttp.status()).isEqualTo(400);
        assertThat(unknownType.status()).isEqualTo(400);
        assertThat(unknownType.body()).contains("eventTypes");
        assertThat(noTypes.status()).isEqualTo(400);
        assertThat(unsigned.status()).isEqualTo(401);
        assertThat(stored(me)).isZero();
    }

    @Test
    void rotation_shows_a_new_secret_once_and_delete_removes_the_endpoint() {
        SigningAgent me = given.registered("hook-rotator");
        var created = api.signed("POST", "/api/v1/webhooks", GOOD, me).json();
        String id = created.get("id").asText();

        var rotated = api.signed("POST", "/api/v1/webhooks/" + id + "/rotation", null, me);

        assertThat(rotated.status()).isEqualTo(200);
        assertThat(rotated.json().get("secret").asText()).startsWith("whsec_")
                .isNotEqualTo(created.get("secret").asText());
        assertThat(api.signed("DELETE", "/api/v1/webhooks/" + id, null, me).status()).isEqualTo(204);
        assertThat(stored(me)).isZero();
        assertThat(api.signed("DELETE", "/api/v1/webhooks/" + id, null, me).status()).isEqualTo(404);
    }

    @Test
    void another_agents_endpoint_is_not_found_for_every_route() {
        SigningAgent owner = given.registered("hook-victim");
        SigningAgent other = given.registered("hook-snoop");
        String id = api.signed("POST", "/api/v1/webhooks", GOOD, owner).json().get("id").asText();

        assertThat(api.signed("DELETE", "/api/v1/webhooks/" + id, null, other).status()).isEqualTo(404);
        assertThat(api.signed("POST", "/api/v1/webhooks/" + id + "/rotation", null, other).status()).isEqualTo(404);
        assertThat(api.send(ApiClient.call("POST", "/api/v1/webhooks/" + id + "/replay", (String) null)
                .signedBy(other)).status()).isEqualTo(404);
        assertThat(api.signed("GET", "/api/v1/webhooks/" + id + "/deliveries", null, other).status()).isEqualTo(404);
        assertThat(api.signed("GET", "/api/v1/webhooks", null, other).json().get("items")).isEmpty();
        assertThat(stored(owner)).isOne();
    }

    @Test
    void replay_queues_again_and_deliveries_lists_attempts() {
        SigningAgent me = given.registered("hook-replayer");
        String id = api.signed("POST", "/api/v1/webhooks", GOOD, me).json().get("id").asText();

        var replay = api.send(new ApiClient.Call("POST", "/api/v1/webhooks/" + id + "/replay", "since=0", new byte[0],
                me, 0, null, java.util.Map.of()));
        var badSince = api.send(new ApiClient.Call("POST", "/api/v1/webhooks/" + id + "/replay", "since=abc",
                new byte[0], me, 0, null, java.util.Map.of()));
        var deliveries = api.signed("GET", "/api/v1/webhooks/" + id + "/deliveries", null, me);

        assertThat(replay.status()).isEqualTo(202);
        assertThat(replay.json().get("queued").asInt()).isZero();
        assertThat(badSince.status()).isEqualTo(400);
        assertThat(deliveries.status()).isEqualTo(200);
        assertThat(deliveries.json().get("items")).isEmpty();
    }
}
