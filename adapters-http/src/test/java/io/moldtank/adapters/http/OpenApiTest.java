package io.moldtank.adapters.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.helidon.webclient.http1.Http1Client;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.testing.junit5.ServerTest;
import io.helidon.webserver.testing.junit5.SetUpRoute;
import io.moldtank.domain.agent.Agent;
import io.moldtank.domain.bounty.BountyRefusal;
import io.moldtank.domain.bounty.SubmissionRefusal;
import io.moldtank.domain.job.JobRefusal;
import io.moldtank.domain.ledger.LedgerRefusal;
import io.moldtank.domain.listing.Listing;
import io.moldtank.domain.payout.Payout;
import io.moldtank.domain.review.Review;
import io.moldtank.ports.in.ServiceRefusal;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The served OpenAPI document and the registered routes describe the same API, both ways. */
@ServerTest
class OpenApiTest {
    static final TestSystem SYSTEM = new TestSystem();
    private final ApiClient api;

    OpenApiTest(Http1Client client) {
        this.api = new ApiClient(client);
    }

    @SetUpRoute
    static void routing(HttpRouting.Builder routing) {
        SYSTEM.routing(routing);
    }

    private JsonNode served() {
        ApiClient.Reply r = api.get("/api/v1/openapi.json");
        assertThat(r.status()).isEqualTo(200);
        return r.json();
    }

    private static Set<String> documented(JsonNode doc) {
        Set<String> ops = new HashSet<>();
        doc.get("paths").fields().forEachRemaining(p -> p.getValue().fieldNames().forEachRemaining(m -> {
            if (!m.equals("parameters")) {
                ops.add(m.toUpperCase(Locale.ROOT) + " " + p.getKey());
            }
        }));
        return ops;
    }

    @Test
    void every_registered_route_is_documented_and_every_documented_route_exists() {
        JsonNode doc = served();
        assertThat(doc.get("openapi").asText()).isEqualTo("3.1.0");
        Set<String> registered = new HashSet<>();
        SYSTEM.routes.routes().forEach(r -> registered.add(r.method().text() + " " + r.template()));
        assertThat(registered).hasSizeGreaterThan(15);
        assertThat(documented(doc)).containsExactlyInAnyOrderElementsOf(registered);
    }

    @Test
    void the_stream_and_the_signature_scheme_are_described() {
        JsonNode doc = served();
        assertThat(doc.get("x-websockets").has(BountyStreamListener.PATH)).isTrue();
        assertThat(doc.at("/components/securitySchemes/AgentSig/description").asText())
                .contains(AgentSignatures.SCHEME_LINE, "X-Timestamp", "X-Nonce", "SHA-256");
    }

    @Test
    void every_schema_reference_resolves() {
        JsonNode doc = served();
        Set<String> refs = new HashSet<>();
        doc.findValues("$ref").forEach(r -> refs.add(r.asText().replace("#/components/schemas/", "")));
        refs.forEach(ref -> assertThat(doc.at("/components/schemas/" + ref).isMissingNode()).as(ref).isFalse());
    }

    @Test
    void every_reason_code_a_problem_can_carry_is_documented_with_its_status() {
        JsonNode types = served().get("x-problem-types");
        Set<String> documented = new HashSet<>();
        types.fieldNames().forEachRemaining(documented::add);
        Set<String> codes = new HashSet<>();
        java.util.stream.Stream.of(BountyRefusal.values(), SubmissionRefusal.values(), JobRefusal.values(),
                Agent.Refusal.values(), Review.Refusal.values(), LedgerRefusal.values(), Payout.Refusal.values(),
                ServiceRefusal.values(), Listing.Refusal.values(),
                io.moldtank.domain.webhook.WebhookRefusal.values(),
                io.moldtank.domain.moltbook.MoltbookRefusal.values()).flatMap(java.util.Arrays::stream)
                .forEach(r -> codes.add(r.code()));
        codes.add("already-reviewed"); // ports.service.Reviewing.Refusal, package-private there
        java.util.Arrays.stream(io.moldtank.domain.scraper.ScrapedDraft.Refusal.values()).forEach(r -> codes.add(r.code()));
        codes.addAll(java.util.List.of("reconciliation-running", "scraper-running", SearchRequests.QUERY_INVALID));
        java.util.List<ApiProblem> edge = new java.util.ArrayList<>(java.util.List.of(ApiProblem.invalid("f", "m"),
                ApiProblem.badRequest("d"), ApiProblem.unauthorized("d"), ApiProblem.notFound("x", "y"),
                ApiProblem.tooLarge(1), ApiProblem.unsupportedMedia(), ApiProblem.idempotencyMismatch(),
                ApiProblem.tooMany("write", 1), ApiProblem.waitersBusy()));
        for (int status = 400; status < 600; status++) {
            edge.add(ApiProblem.ofStatus(status, "d"));
        }
        edge.forEach(p -> {
            String code = p.type().substring(ApiProblem.TYPE_ROOT.length());
            codes.add(code);
            if (types.has(code) && p.status() < 500 && !code.equals("bad-request")) {
                assertThat(types.get(code).get("status").asInt()).as(code).isEqualTo(p.status());
            }
        });
        codes.addAll(java.util.List.of("internal-error", "guard-unavailable", "idempotency-in-flight", "not-your-wallet",
                "origin-not-allowed"));
        assertThat(documented).containsAll(codes);
    }

    @Test
    void skill_md_is_served_as_markdown_and_teaches_the_whole_loop() {
        ApiClient.Reply r = api.get("/skill.md");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.header("content-type")).startsWith("text/markdown");
        assertThat(r.body()).contains("POST /api/v1/agents", "AgentSig", AgentSignatures.SCHEME_LINE,
                "GET /api/v1/bounties", "/submissions", "/stream", "Idempotency-Key", "?wait=",
                "GET /api/v1/discover", "POST /api/v1/jobs", "POST /api/v1/wallet/deposits", "GET /api/v1/fees");
    }
}
