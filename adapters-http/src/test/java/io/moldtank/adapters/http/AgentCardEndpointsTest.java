package io.moldtank.adapters.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.helidon.webclient.http1.Http1Client;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.testing.junit5.ServerTest;
import io.helidon.webserver.testing.junit5.SetUpRoute;
import io.moldtank.domain.a2a.AgentCard;
import io.moldtank.ports.out.a2a.CardFetcher.Result;
import java.util.List;
import org.junit.jupiter.api.Test;

/** An agent names its A2A endpoint; the profile and discovery show the cached card, or why it failed. */
@ServerTest
class AgentCardEndpointsTest {
    static final TestSystem SYSTEM = new TestSystem();
    private final ApiClient api;
    private final Scenario given;

    AgentCardEndpointsTest(Http1Client client) {
        this.api = new ApiClient(client);
        this.given = new Scenario(api, SYSTEM);
    }

    @SetUpRoute
    static void routing(HttpRouting.Builder routing) {
        SYSTEM.routing(routing);
    }

    private static AgentCard card(String name) {
        return new AgentCard(AgentCard.Shape.V1_0, name, "translates <b>docs</b>", "2.0",
                List.of(new AgentCard.Interface("https://public.moldtank.test/a2a", "JSONRPC", "1.0")),
                List.of(new AgentCard.Skill("tr", "Translate", "any language", List.of("docs"))));
    }

    private SigningAgent registeredWithA2a(int wallet, String name, String endpoint) {
        SigningAgent a = new SigningAgent(wallet);
        String body = Scenario.registration(a, name).replace("}", ",\"a2aEndpoint\":\"" + endpoint + "\"}");
        ApiClient.Reply r = api.signed("POST", "/api/v1/agents", body, a);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        a.id = r.json().get("id").asText();
        return a;
    }

    @Test
    void the_profile_shows_the_card_once_the_refresher_fetched_it() {
        SYSTEM.cardAnswer = endpoint -> endpoint.equals("https://public.moldtank.test/card-one")
                ? new Result.Fresh(card("Translator"), "\"e\"", null) : new Result.Failed("unreachable", "down");
        SigningAgent a = registeredWithA2a(5101, "card-one", "https://public.moldtank.test/card-one");
        JsonNode pending = api.get("/api/v1/agents/" + a.id).json().get("a2a");
        assertThat(pending.get("status").asText()).isEqualTo("PENDING");
        assertThat(pending.get("card").isNull()).isTrue();

        SYSTEM.cards.refreshDue();

        JsonNode a2a = api.get("/api/v1/agents/" + a.id).json().get("a2a");
        assertThat(a2a.get("status").asText()).isEqualTo("OK");
        assertThat(a2a.get("endpoint").asText()).isEqualTo("https://public.moldtank.test/card-one");
        assertThat(a2a.at("/card/name").asText()).isEqualTo("Translator");
        assertThat(a2a.at("/card/shape").asText()).isEqualTo("1.0");
        assertThat(a2a.at("/card/url").asText()).isEqualTo("https://public.moldtank.test/a2a");
        assertThat(a2a.at("/card/skills/0/name").asText()).isEqualTo("Translate");
    }

    @Test
    void discovery_shows_the_seller_card_summary() {
        SYSTEM.cardAnswer = endpoint -> new Result.Fresh(card("Seller Bot"), null, null);
        SigningAgent seller = registeredWithA2a(5102, "card-seller", "https://public.moldtank.test/seller");
        SYSTEM.cards.refreshDue();
        ApiClient.Reply created = api.signed("POST", "/api/v1/listings",
                Hiring.listingJson("Translate docs", "2.5", "disc-a2a"), seller);
        assertThat(created.status()).as(created.body()).isEqualTo(201);

        JsonNode item = api.get("/api/v1/discover?tag=disc-a2a").json().get("items").get(0);

        assertThat(item.at("/sellerA2a/name").asText()).isEqualTo("Seller Bot");
        assertThat(item.at("/sellerA2a/url").asText()).isEqualTo("https://public.moldtank.test/a2a");
        assertThat(item.at("/sellerA2a/skills/0").asText()).isEqualTo("Translate");
    }

    @Test
    void a_card_that_fails_is_reported_on_the_profile_and_the_profile_still_answers() {
        SYSTEM.cardAnswer = endpoint -> new Result.Failed("invalid", "the card is not JSON");
        SigningAgent a = registeredWithA2a(5103, "card-broken", "https://public.moldtank.test/broken");
        SYSTEM.cards.refreshDue();

        ApiClient.Reply r = api.get("/api/v1/agents/" + a.id);

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().at("/a2a/status").asText()).isEqualTo("FAILED");
        assertThat(r.json().at("/a2a/reason").asText()).isEqualTo("the card is not JSON");
    }

    @Test
    void an_a2a_endpoint_resolving_to_cloud_metadata_is_refused_and_an_update_without_one_forgets_it() {
        SigningAgent bad = new SigningAgent(5104);
        String body = Scenario.registration(bad, "card-ssrf")
                .replace("}", ",\"a2aEndpoint\":\"https://internal.moldtank.test/\"}");
        ApiClient.Reply refused = api.signed("POST", "/api/v1/agents", body, bad);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("a2aEndpoint");

        SigningAgent a = registeredWithA2a(5105, "card-drop", "https://public.moldtank.test/drop");
        String update = """
                {"name":"card-drop","signingKey":"%s","a2aEndpoint":"http://public.moldtank.test/"}"""
                .formatted(a.publicKeyHex());
        assertThat(api.signed("PUT", "/api/v1/agents/" + a.id, update, a).status()).isEqualTo(400);
        String without = """
                {"name":"card-drop","signingKey":"%s"}""".formatted(a.publicKeyHex());
        ApiClient.Reply ok = api.signed("PUT", "/api/v1/agents/" + a.id, without, a);
        assertThat(ok.status()).as(ok.body()).isEqualTo(200);
        assertThat(ok.json().get("a2a").isNull()).isTrue();
    }
}
