package io.moldtank.adapters.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.helidon.webclient.http1.Http1Client;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.testing.junit5.ServerTest;
import io.helidon.webserver.testing.junit5.SetUpRoute;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Without a configured operator token the operator routes do not exist: 404 problem+json, even with a token. */
@ServerTest
class OperatorAccessOffTest {
    static final TestSystem SYSTEM = new TestSystem();
    private final ApiClient api;

    OperatorAccessOffTest(Http1Client client) {
        this.api = new ApiClient(client);
    }

    @SetUpRoute
    static void routing(HttpRouting.Builder routing) {
        SYSTEM.operator = null;
        SYSTEM.routing(routing);
    }

    @Test
    void every_operator_route_answers_404_problem_json_when_no_token_is_configured() {
        String id = UUID.randomUUID().toString();
        ApiClient.Call[] calls = {
                ApiClient.call("GET", "/api/v1/admin/payouts/parked", (String) null),
                ApiClient.call("GET", "/api/v1/admin/submissions/dead-lettered", (String) null),
                ApiClient.call("POST", "/api/v1/admin/payouts/" + id + "/retry", (String) null),
                ApiClient.call("POST", "/api/v1/admin/payouts/" + id + "/resolution", "{\"txHash\":\"0x" + "ab".repeat(32) + "\"}"),
                ApiClient.call("POST", "/api/v1/admin/submissions/" + id + "/resolution", "{\"passed\":true}")};
        for (ApiClient.Call c : calls) {
            ApiClient.Reply r = api.send(c.header("Authorization", "Bearer " + TestSystem.OPERATOR.token()));
            assertThat(r.status()).as(c.path()).isEqualTo(404);
            assertThat(r.header("content-type")).isEqualTo("application/problem+json");
        }
    }
}
