package io.moldtank.adapters.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.helidon.webclient.http1.Http1Client;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.testing.junit5.ServerTest;
import io.helidon.webserver.testing.junit5.SetUpRoute;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Listings over HTTP: sellers list and withdraw services, clients discover them page by page. */
@ServerTest
class ListingEndpointsTest {
    static final TestSystem SYSTEM = new TestSystem();
    private final ApiClient api;
    private final Scenario given;
    private final Hiring hiring;

    ListingEndpointsTest(Http1Client client) {
        this.api = new ApiClient(client);
        this.given = new Scenario(api, SYSTEM);
        this.hiring = new Hiring(api, SYSTEM);
    }

    @SetUpRoute
    static void routing(HttpRouting.Builder routing) {
        SYSTEM.routing(routing);
    }

    @Test
    void a_listed_service_is_shown_with_its_price_as_a_decimal_string() {
        SigningAgent seller = given.registered("seller-list");
        ApiClient.Reply created = api.signed("POST", "/api/v1/listings",
                Hiring.listingJson("Translate docs", "2.5", "translation", "docs"), seller);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        JsonNode l = created.json();
        assertThat(l.get("price").isTextual()).isTrue();
        assertThat(l.get("price").asText()).isEqualTo("2.500000");
        assertThat(l.get("seller").asText()).isEqualTo(seller.id);
        assertThat(l.get("active").asBoolean()).isTrue();
        assertThat(api.get("/api/v1/listings/" + l.get("id").asText()).json()).isEqualTo(l);
        assertThat(api.get("/api/v1/listings/" + UUID.randomUUID()).status()).isEqualTo(404);
    }

    @Test
    void discovery_filters_by_tag_and_price_and_pages_with_a_cursor() {
        SigningAgent seller = given.registered("seller-disc");
        List<String> cheap = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            cheap.add(hiring.listing(seller, "1." + i, "disc-cheap"));
        }
        hiring.listing(seller, "50", "disc-cheap");
        hiring.listing(seller, "1", "disc-other");

        JsonNode all = api.get("/api/v1/discover?tag=disc-cheap&maxPrice=5").json();
        assertThat(all.get("items").findValuesAsText("id")).containsExactlyInAnyOrderElementsOf(cheap);

        List<String> paged = new ArrayList<>();
        JsonNode page = api.get("/api/v1/discover?tag=disc-cheap&maxPrice=5&limit=2").json();
        page.get("items").forEach(i -> paged.add(i.get("id").asText()));
        assertThat(page.get("next").isNull()).isFalse();
        page = api.get("/api/v1/discover?tag=disc-cheap&maxPrice=5&limit=2&after=" + page.get("next").asText()).json();
        page.get("items").forEach(i -> paged.add(i.get("id").asText()));
        assertThat(paged).containsExactlyInAnyOrderElementsOf(cheap);
    }

    @Test
    void only_the_seller_withdraws_a_listing_and_a_withdrawn_one_is_neither_discovered_nor_hired() {
        SigningAgent seller = given.registered("seller-wd");
        SigningAgent other = given.registered("other-wd");
        String id = hiring.listing(seller, "3", "disc-withdrawn");

        ApiClient.Reply notYours = api.signed("DELETE", "/api/v1/listings/" + id, null, other);
        assertThat(notYours.status()).isEqualTo(403);
        assertThat(notYours.problem()).isEqualTo("not-seller");
        assertThat(api.get("/api/v1/discover?tag=disc-withdrawn").json().get("items")).hasSize(1);

        ApiClient.Reply gone = api.signed("DELETE", "/api/v1/listings/" + id, null, seller);
        assertThat(gone.status()).as(gone.body()).isEqualTo(200);
        assertThat(gone.json().get("active").asBoolean()).isFalse();
        assertThat(api.get("/api/v1/discover?tag=disc-withdrawn").json().get("items")).isEmpty();
        ApiClient.Reply hire = api.signed("POST", "/api/v1/jobs", "{\"listingId\":\"" + id + "\"}", other);
        assertThat(hire.status()).isEqualTo(409);
        assertThat(hire.problem()).isEqualTo("listing-inactive");
        assertThat(api.signed("DELETE", "/api/v1/listings/" + UUID.randomUUID(), null, seller).status())
                .isEqualTo(404);
    }

    @Test
    void an_agent_cannot_hire_itself() {
        SigningAgent seller = given.registered("seller-self");
        ApiClient.Reply self = api.signed("POST", "/api/v1/jobs",
                "{\"listingId\":\"" + hiring.listing(seller, "1") + "\"}", seller);
        assertThat(self.status()).isEqualTo(403);
        assertThat(self.problem()).isEqualTo("client-is-seller");
    }

    @Test
    void bad_listings_and_queries_are_400_with_every_field_named_and_nothing_stored() {
        SigningAgent seller = given.registered("seller-bad");
        int events = SYSTEM.eventCount();
        String before = api.get("/api/v1/discover?limit=100").body();

        assertFields(api.signed("POST", "/api/v1/listings", "{\"description\":\"x\"}", seller), "title", "price");
        assertFields(api.signed("POST", "/api/v1/listings", Hiring.listingJson("Fine title", "0"), seller), "listing");
        assertFields(api.signed("POST", "/api/v1/listings", Hiring.listingJson("Fine title", "1.1234567"), seller),
                "price");
        assertFields(api.signed("POST", "/api/v1/listings", "{\"title\":\"Fine title\",\"price\":1}", seller), "price");
        assertFields(api.signed("POST", "/api/v1/listings", Hiring.listingJson("Fine title", "1", "Bad Tag"), seller),
                "listing");
        assertFields(api.get("/api/v1/discover?maxPrice=cheap&limit=0&tag=UP"), "maxPrice", "limit", "tag");
        assertFields(api.get("/api/v1/discover?after=forged"), "after");

        assertThat(SYSTEM.eventCount()).isEqualTo(events);
        assertThat(api.get("/api/v1/discover?limit=100").body()).isEqualTo(before);
    }

    private static void assertFields(ApiClient.Reply r, String... fields) {
        assertThat(r.status()).as(r.body()).isEqualTo(400);
        assertThat(r.header("content-type")).isEqualTo("application/problem+json");
        assertThat(r.json().get("errors").findValuesAsText("field")).as(r.body()).contains(fields);
    }
}
