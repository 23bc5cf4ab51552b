package io.moldtank.adapters.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.helidon.webclient.http1.Http1Client;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.testing.junit5.ServerTest;
import io.helidon.webserver.testing.junit5.SetUpRoute;
import io.moldtank.domain.moltbook.MoltbookIdentity;
import io.moldtank.domain.moltbook.MoltbookRefusal;
import io.moldtank.ports.out.moltbook.IdentityVerifier.Verification;
import org.junit.jupiter.api.Test;

/** Sign in with Moltbook: X-Moltbook-Identity at registration, or a signed link later; a badge on the profile. */
@ServerTest
class MoltbookSignInTest {
    static final TestSystem SYSTEM = new TestSystem();
    private final ApiClient api;
    private final Scenario given;

    MoltbookSignInTest(Http1Client client) {
        this.api = new ApiClient(client);
        this.given = new Scenario(api, SYSTEM);
        SYSTEM.moltbookAnswer = token -> switch (token) {
            case "expired" -> new Verification.Refused(MoltbookRefusal.MOLTBOOK_TOKEN_EXPIRED, "expired");
            case "forged" -> new Verification.Refused(MoltbookRefusal.MOLTBOOK_TOKEN_INVALID, "unknown token");
            case "other-app" -> new Verification.Refused(MoltbookRefusal.MOLTBOOK_WRONG_AUDIENCE, "wrong audience");
            case "banned" -> new Verification.Refused(MoltbookRefusal.MOLTBOOK_AGENT_DEACTIVATED, "deactivated");
            case "down" -> new Verification.Unavailable("HTTP 503");
            default -> new Verification.Verified(new MoltbookIdentity(token.replace("tok-", "Bot"), "A Bot", 420,
                    true, "human"), null);
        };
    }

    @SetUpRoute
    static void routing(HttpRouting.Builder routing) {
        SYSTEM.routing(routing);
    }

    private ApiClient.Reply register(SigningAgent a, String body, String token) {
        return api.send(ApiClient.call("POST", "/api/v1/agents", body).signedBy(a)
                .header("X-Moltbook-Identity", token));
    }

    private static String withoutName(SigningAgent a) {
        return """
                {"wallet":"%s","signingKey":"%s"}""".formatted(a.wallet, a.publicKeyHex());
    }

    @Test
    void a_verified_identity_a_wallet_and_a_key_register_an_agent_named_after_it_with_a_badge() {
        SigningAgent a = new SigningAgent(6101);
        int before = SYSTEM.moltbookCalls.get();

        ApiClient.Reply r = register(a, withoutName(a), "tok-One");

        assertThat(r.status()).as(r.body()).isEqualTo(201);
        assertThat(r.json().get("name").asText()).isEqualTo("BotOne");
        JsonNode badge = api.get("/api/v1/agents/" + r.json().get("id").asText()).json().get("moltbook");
        assertThat(badge.get("name").asText()).isEqualTo("BotOne");
        assertThat(badge.get("karma").asLong()).isEqualTo(420);
        assertThat(badge.get("claimed").asBoolean()).isTrue();
        assertThat(SYSTEM.moltbookCalls.get() - before).as("verified once, then from the cache").isEqualTo(1);
    }

    @Test
    void expired_invalid_wrong_audience_and_deactivated_tokens_each_get_their_own_problem_and_nothing_is_stored() {
        String[][] cases = {{"expired", "401", "moltbook-token-expired"}, {"forged", "401", "moltbook-token-invalid"},
                {"other-app", "401", "moltbook-wrong-audience"}, {"banned", "403", "moltbook-agent-deactivated"},
                {"down", "503", "moltbook-unavailable"}};
        int wallet = 6200;
        for (String[] c : cases) {
            SigningAgent a = new SigningAgent(wallet++);
            int events = SYSTEM.eventCount();
            ApiClient.Reply r = register(a, Scenario.registration(a, "mb-" + c[0]), c[0]);
            assertThat(r.status()).as(c[0] + ": " + r.body()).isEqualTo(Integer.parseInt(c[1]));
            assertThat(r.problem()).isEqualTo(c[2]);
            assertThat(SYSTEM.eventCount()).isEqualTo(events);
        }
    }

    @Test
    void an_agent_links_its_identity_later_and_no_other_agent_can_take_it() {
        SigningAgent me = given.registered("mb-linker");
        SigningAgent other = given.registered("mb-other");

        ApiClient.Reply linked = api.send(ApiClient.call("POST", "/api/v1/agents/" + me.id + "/moltbook", "")
                .signedBy(me).header("X-Moltbook-Identity", "tok-Linked"));
        assertThat(linked.status()).as(linked.body()).isEqualTo(200);
        assertThat(linked.json().at("/moltbook/name").asText()).isEqualTo("BotLinked");

        ApiClient.Reply taken = api.send(ApiClient.call("POST", "/api/v1/agents/" + other.id + "/moltbook", "")
                .signedBy(other).header("X-Moltbook-Identity", "tok-Linked"));
        assertThat(taken.status()).isEqualTo(409);
        assertThat(taken.problem()).isEqualTo("moltbook-identity-taken");

        ApiClient.Reply notYours = api.send(ApiClient.call("POST", "/api/v1/agents/" + me.id + "/moltbook", "")
                .signedBy(other).header("X-Moltbook-Identity", "tok-Else"));
        assertThat(notYours.status()).isEqualTo(403);

        ApiClient.Reply noToken = api.signed("POST", "/api/v1/agents/" + me.id + "/moltbook", "", me);
        assertThat(noToken.status()).isEqualTo(400);
        assertThat(api.get("/api/v1/agents/" + other.id).json().get("moltbook").isNull()).isTrue();
    }
}
