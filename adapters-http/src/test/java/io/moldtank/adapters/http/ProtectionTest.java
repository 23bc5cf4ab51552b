package io.moldtank.adapters.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.helidon.webclient.http1.Http1Client;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.testing.junit5.ServerTest;
import io.helidon.webserver.testing.junit5.SetUpRoute;
import io.moldtank.ports.out.guard.IdempotencyStore;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Seed-sized token buckets, security headers, CORS and Idempotency-Key, over a real socket. */
@ServerTest
class ProtectionTest {
    static final TestSystem SYSTEM = new TestSystem(HttpAdapters.Buckets.SEED_003);
    private final ApiClient api;
    private final Scenario given;

    ProtectionTest(Http1Client client) {
        this.api = new ApiClient(client);
        this.given = new Scenario(api, SYSTEM);
    }

    @SetUpRoute
    static void routing(HttpRouting.Builder routing) {
        SYSTEM.routing(routing);
    }

    @Test
    void the_discovery_bucket_allows_60_listings_then_answers_429_with_retry_after() {
        int ok = 0;
        ApiClient.Reply last = null;
        for (int i = 0; i < 70 && (last == null || last.status() == 200); i++) {
            last = api.get("/api/v1/bounties");
            ok += last.status() == 200 ? 1 : 0;
        }
        // The bucket refills 20 per minute, so at most one more token can arrive during the loop.
        assertThat(ok).isBetween(60, 61);
        assertThat(last.status()).isEqualTo(429);
        assertThat(last.problem()).isEqualTo("rate-limited");
        assertThat(Long.parseLong(last.header("retry-after"))).isBetween(1L, 3L);
        // Other buckets are separate: reading one bounty still works.
        assertThat(api.get("/api/v1/agents/00000000-0000-0000-0000-000000000001").status()).isEqualTo(404);
    }

    @Test
    void every_api_answer_carries_the_security_headers() {
        ApiClient.Reply r = api.get("/api/v1/agents/00000000-0000-0000-0000-000000000002");
        assertThat(r.header("x-content-type-options")).isEqualTo("nosniff");
        assertThat(r.header("x-frame-options")).isEqualTo("DENY");
        assertThat(r.header("strict-transport-security")).startsWith("max-age=");
        assertThat(r.header("content-security-policy")).contains("default-src 'none'");
    }

    @Test
    void cors_answers_allowed_origins_only() {
        ApiClient.Reply allowed = api.send(ApiClient.call("OPTIONS", "/api/v1/bounties", (String) null)
                .header("Origin", TestSystem.ALLOWED_ORIGIN).header("Access-Control-Request-Method", "POST"));
        assertThat(allowed.status()).isEqualTo(204);
        assertThat(allowed.header("access-control-allow-origin")).isEqualTo(TestSystem.ALLOWED_ORIGIN);
        assertThat(allowed.header("access-control-allow-headers")).contains("X-Nonce");

        ApiClient.Reply denied = api.send(ApiClient.call("OPTIONS", "/api/v1/bounties", (String) null)
                .header("Origin", "https://evil.test").header("Access-Control-Request-Method", "POST"));
        assertThat(denied.status()).isEqualTo(403);
        assertThat(denied.header("access-control-allow-origin")).isNull();
    }

    @Test
    void errors_keep_their_cors_headers_and_unknown_routes_are_problem_json() {
        ApiClient.Reply r = api.send(ApiClient.call("GET", "/api/v1/nothing/here", (String) null)
                .header("Origin", TestSystem.ALLOWED_ORIGIN));
        assertThat(r.status()).isEqualTo(404);
        assertThat(r.header("content-type")).isEqualTo("application/problem+json");
        assertThat(r.header("access-control-allow-origin")).isEqualTo(TestSystem.ALLOWED_ORIGIN);
        assertThat(r.header("x-content-type-options")).isEqualTo("nosniff");
    }

    @Test
    void an_idempotent_retry_replays_the_first_answer_and_creates_nothing_new() {
        SigningAgent poster = given.registered("idem-poster");
        String body = Scenario.bountyJson("4", Scenario.inDays(2));
        ApiClient.Reply first = api.send(ApiClient.call("POST", "/api/v1/bounties", body).signedBy(poster)
                .header("Idempotency-Key", "create-0001"));
        assertThat(first.status()).isEqualTo(201);
        int events = SYSTEM.eventCount();
        ApiClient.Reply again = api.send(ApiClient.call("POST", "/api/v1/bounties", body).signedBy(poster)
                .header("Idempotency-Key", "create-0001"));
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.body()).isEqualTo(first.body());
        assertThat(again.header("idempotent-replayed")).isEqualTo("true");
        assertThat(SYSTEM.eventCount()).isEqualTo(events);
    }

    @Test
    void the_same_key_with_another_body_is_422() {
        SigningAgent poster = given.registered("idem-mismatch");
        api.send(ApiClient.call("POST", "/api/v1/bounties", Scenario.bountyJson("4", Scenario.inDays(2)))
                .signedBy(poster).header("Idempotency-Key", "create-0002"));
        int events = SYSTEM.eventCount();
        ApiClient.Reply r = api.send(ApiClient.call("POST", "/api/v1/bounties", Scenario.bountyJson("9",
                Scenario.inDays(2))).signedBy(poster).header("Idempotency-Key", "create-0002"));
        assertThat(r.status()).isEqualTo(422);
        assertThat(SYSTEM.eventCount()).isEqualTo(events);
    }

    @Test
    void a_key_still_in_flight_is_409() {
        SigningAgent poster = given.registered("idem-flight");
        byte[] body = Scenario.bountyJson("4", Scenario.inDays(2)).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        // Another request with this key is being processed right now.
        SYSTEM.idempotency.claim("idem:" + poster.id + ":create-0003",
                "POST /api/v1/bounties " + AgentSignatures.sha256Hex(body), Duration.ofMinutes(1));
        int events = SYSTEM.eventCount();
        ApiClient.Reply r = api.send(ApiClient.call("POST", "/api/v1/bounties", body).signedBy(poster)
                .header("Idempotency-Key", "create-0003"));
        assertThat(r.status()).isEqualTo(409);
        assertThat(r.problem()).isEqualTo("idempotency-in-flight");
        assertThat(SYSTEM.eventCount()).isEqualTo(events);
    }

    @Test
    void when_the_answer_cannot_be_stored_the_client_still_gets_it_and_a_quick_retry_is_refused_not_redone() {
        SigningAgent poster = given.registered("idem-store-down");
        String body = Scenario.bountyJson("4", Scenario.inDays(2));
        SYSTEM.idempotencyWritesFail.set(true);
        try {
            int events = SYSTEM.eventCount();
            ApiClient.Reply first = api.send(ApiClient.call("POST", "/api/v1/bounties", body).signedBy(poster)
                    .header("Idempotency-Key", "create-0009"));
            assertThat(first.status()).as("the bounty was created; saying so").isEqualTo(201);
            int after = SYSTEM.eventCount();
            assertThat(after).isGreaterThan(events);
            ApiClient.Reply again = api.send(ApiClient.call("POST", "/api/v1/bounties", body).signedBy(poster)
                    .header("Idempotency-Key", "create-0009"));
            assertThat(again.status()).isEqualTo(409);
            assertThat(again.problem()).isEqualTo("idempotency-in-flight");
            assertThat(SYSTEM.eventCount()).as("not created twice").isEqualTo(after);
        } finally {
            SYSTEM.idempotencyWritesFail.set(false);
        }
    }

    @Test
    void a_refused_request_releases_its_key_so_a_corrected_retry_can_use_it() {
        SigningAgent poster = given.registered("idem-retry");
        ApiClient.Reply bad = api.send(ApiClient.call("POST", "/api/v1/bounties", "{\"title\":\"x\"}")
                .signedBy(poster).header("Idempotency-Key", "create-0004"));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(SYSTEM.idempotency.claim("idem:" + poster.id + ":create-0004", "other", Duration.ofSeconds(1)))
                .isInstanceOf(IdempotencyStore.Claim.Fresh.class);
    }
}
