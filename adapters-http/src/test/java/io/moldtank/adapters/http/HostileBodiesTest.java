package io.moldtank.adapters.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.helidon.webclient.http1.Http1Client;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.testing.junit5.ServerTest;
import io.helidon.webserver.testing.junit5.SetUpRoute;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The classes of body and header the fuzzer found reaching a 500, each a 400 problem naming where it is
 * wrong, with nothing stored: the signature is valid, so only the body's shape can refuse them.
 */
@ServerTest
class HostileBodiesTest {
    static final TestSystem SYSTEM = new TestSystem();
    private final ApiClient api;
    private final Scenario given;
    private SigningAgent agent;
    private int eventsBefore;

    HostileBodiesTest(Http1Client client) {
        this.api = new ApiClient(client);
        this.given = new Scenario(api, SYSTEM);
    }

    @SetUpRoute
    static void routing(HttpRouting.Builder routing) {
        SYSTEM.routing(routing);
    }

    @BeforeEach
    void agent() {
        agent = given.registered("hostile-" + System.nanoTime() % 1_000_000);
        eventsBefore = SYSTEM.eventCount();
    }

    private ApiClient.Reply post(byte[] body) {
        return api.send(ApiClient.call("POST", "/api/v1/listings", body).signedBy(agent));
    }

    private void refused(ApiClient.Reply r, String field, String message) {
        assertThat(r.status()).as(r.body()).isEqualTo(400);
        assertThat(r.header("content-type")).isEqualTo("application/problem+json");
        assertThat(r.problem()).isEqualTo("invalid-input");
        assertThat(r.json().get("errors").get(0).get("field").asText()).as(r.body()).isEqualTo(field);
        assertThat(r.json().get("errors").get(0).get("message").asText()).as(r.body()).contains(message);
        assertThat(SYSTEM.eventCount()).as("nothing stored").isEqualTo(eventsBefore);
    }

    private ApiClient.Reply post(String body) {
        return post(body.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void a_body_that_is_not_one_json_object_is_refused_before_any_handler_sees_it() {
        refused(post("null"), "", "not null");
        refused(post("[]"), "", "not array");
        refused(post("\"title\""), "", "not string");
    }

    @Test
    void duplicate_keys_and_deep_nesting_are_malformed() {
        refused(post("{\"title\":\"a\",\"title\":\"b\",\"price\":\"1\"}"), "", "Duplicate field");
        refused(post("{\"tags\":" + "[".repeat(40) + "]".repeat(40) + "}"), "", "nesting depth");
    }

    @Test
    void invalid_utf8_a_byte_order_mark_and_utf16_are_refused() {
        byte[] valid = "{\"title\":\"Review\",\"price\":\"1\"}".getBytes(StandardCharsets.UTF_8);
        byte[] broken = valid.clone();
        broken[11] = (byte) 0xC3;
        refused(post(broken), "", "not valid UTF-8");
        byte[] surrogateBytes = "{\"title\":\"Revi\",\"price\":\"1\"}".getBytes(StandardCharsets.UTF_8);
        byte[] encodedSurrogate = new byte[surrogateBytes.length + 3];
        System.arraycopy(surrogateBytes, 0, encodedSurrogate, 0, 14);
        encodedSurrogate[14] = (byte) 0xED;
        encodedSurrogate[15] = (byte) 0xA0;
        encodedSurrogate[16] = (byte) 0x80;
        System.arraycopy(surrogateBytes, 14, encodedSurrogate, 17, surrogateBytes.length - 14);
        refused(post(encodedSurrogate), "", "not valid UTF-8");
        refused(post(("\uFEFF" + new String(valid, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8)), "",
                "byte order mark");
        refused(post(new String(valid, StandardCharsets.UTF_8).getBytes(StandardCharsets.UTF_16)), "", "not valid UTF-8");
    }

    @Test
    void lone_surrogates_and_nul_characters_are_named_by_their_field() {
        refused(post("{\"title\":\"a\\ud800b\",\"price\":\"1\"}"), "title", "lone UTF-16 surrogate");
        refused(post("{\"title\":\"Review\",\"price\":\"1\",\"tags\":[\"x\\u0000\"]}"), "tags.0", "NUL");
        refused(post("{\"\\udc00\":1}"), "(key)", "lone UTF-16 surrogate");
    }

    @Test
    void a_null_inside_a_list_and_a_number_out_of_range_are_refused() {
        refused(post("{\"title\":\"Review\",\"price\":\"1\",\"tags\":[null]}"), "tags.0", "null");
        ApiClient.Reply r = api.send(ApiClient.call("POST", "/api/v1/jobs/00000000-0000-4000-8000-000000000001/reviews",
                "{\"rating\":99999999999999999999}").signedBy(agent));
        assertThat(r.status()).as(r.body()).isEqualTo(400);
        assertThat(r.body()).contains("out of range");
    }

    @Test
    void a_content_type_that_is_no_media_type_is_a_400_naming_the_header() {
        for (String type : new String[] {"", "/", "application/", "a/b/c"}) {
            ApiClient.Reply r = api.send(ApiClient.call("POST", "/api/v1/listings", "{}").signedBy(agent)
                    .header("Content-Type", type));
            refused(r, "Content-Type", "media type");
        }
    }
}
