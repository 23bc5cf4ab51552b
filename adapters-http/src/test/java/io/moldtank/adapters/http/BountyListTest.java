package io.moldtank.adapters.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.helidon.webclient.http1.Http1Client;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.testing.junit5.ServerTest;
import io.helidon.webserver.testing.junit5.SetUpRoute;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** GET /api/v1/bounties: filters, sort and cursor pages. */
@ServerTest
class BountyListTest {
    static final TestSystem SYSTEM = new TestSystem();
    private final ApiClient api;
    private final Scenario given;

    BountyListTest(Http1Client client) {
        this.api = new ApiClient(client);
        this.given = new Scenario(api, SYSTEM);
    }

    @SetUpRoute
    static void routing(HttpRouting.Builder routing) {
        SYSTEM.routing(routing);
    }

    private static List<String> rewards(JsonNode page) {
        List<String> out = new ArrayList<>();
        page.get("items").forEach(n -> out.add(n.get("reward").asText()));
        return out;
    }

    @Test
    void bounties_are_filtered_by_status_and_reward_sorted_and_paged() {
        SigningAgent poster = given.registered("lister");
        given.open(poster, "1");
        given.open(poster, "20");
        given.open(poster, "300");
        given.draft(poster, "50");

        JsonNode open = api.get("/api/v1/bounties?status=OPEN&sort=reward_desc").json();
        assertThat(rewards(open)).containsExactly("300.000000", "20.000000", "1.000000");

        JsonNode ranged = api.get("/api/v1/bounties?minReward=10&maxReward=100&sort=reward_desc").json();
        assertThat(rewards(ranged)).containsExactly("50.000000", "20.000000");

        JsonNode first = api.get("/api/v1/bounties?status=OPEN&sort=reward_desc&limit=2").json();
        assertThat(rewards(first)).containsExactly("300.000000", "20.000000");
        JsonNode second = api.get("/api/v1/bounties?status=OPEN&sort=reward_desc&limit=2&after="
                + first.get("next").asText()).json();
        assertThat(rewards(second)).containsExactly("1.000000");
        assertThat(second.get("next").isNull()).isTrue();

        assertThat(rewards(api.get("/api/v1/bounties?tag=parser&status=DRAFT").json())).containsExactly("50.000000");
        assertThat(api.get("/api/v1/bounties?tag=nothing").json().get("items")).isEmpty();
    }
}
