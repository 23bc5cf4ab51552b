package io.moldtank.adapters.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.helidon.webclient.http1.Http1Client;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.testing.junit5.ServerTest;
import io.helidon.webserver.testing.junit5.SetUpRoute;
import io.moldtank.ports.service.WaitingForChanges;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Issue 18 §1 over a real socket: {@code ?wait=} holds a GET of a submission, a payout or a job until its
 * status changes, answers the unchanged value when the time passes, refuses bad values, and answers 503
 * once every waiting slot is taken.
 */
@ServerTest
@Timeout(60)
class WaitEndpointsTest {
    static final TestSystem SYSTEM = new TestSystem();
    static final int BOUND = 3;

    static {
        SYSTEM.waitingSettings = new WaitingForChanges.Settings(BOUND, Duration.ofMillis(200), Duration.ofSeconds(30));
    }

    private static final java.util.concurrent.ExecutorService THREADS =
            java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor();
    private final ApiClient api;
    private final Scenario given;
    private final Hiring hiring;

    WaitEndpointsTest(Http1Client client) {
        this.api = new ApiClient(client);
        this.given = new Scenario(api, SYSTEM);
        this.hiring = new Hiring(api, SYSTEM);
    }

    @SetUpRoute
    static void routing(HttpRouting.Builder routing) {
        SYSTEM.routing(routing);
    }

    private String submitted(String content) {
        SigningAgent poster = given.registered("poster-wait");
        SigningAgent solver = given.registered("solver-wait");
        String bounty = given.open(poster, "5");
        ApiClient.Reply r = api.signed("POST", "/api/v1/bounties/" + bounty + "/submissions",
                "{\"files\":{\"a.py\":\"" + content + "\"}}", solver);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().get("id").asText();
    }

    /** Validates (and pays) after {@code delayMs}, on another thread, as the workers would. */
    private static void validateLater(long delayMs) {
        CompletableFuture.runAsync(() -> {
            try {
                Thread.sleep(delayMs);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            while (SYSTEM.core.validating().validateNext("worker-1").isPresent()) {
                // until the queue is empty
            }
            for (int pass = 0; pass < 3; pass++) { // sent, then confirmed on a later pass
                SYSTEM.core.payingOut().processDue(10);
            }
        }, THREADS);
    }

    @Test
    void a_held_read_answers_with_the_verdict_as_soon_as_it_is_recorded() {
        String id = submitted("pass 1");
        validateLater(300);
        long start = System.nanoTime();
        ApiClient.Reply r = api.get("/api/v1/submissions/" + id + "?wait=30&while=QUEUED,VALIDATING");
        long tookMs = (System.nanoTime() - start) / 1_000_000;
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().get("status").asText()).isEqualTo("PASSED");
        assertThat(tookMs).isBetween(250L, 10_000L);
    }

    @Test
    void an_unchanged_status_is_answered_when_the_time_passes() {
        String id = submitted("pass 2");
        long start = System.nanoTime();
        ApiClient.Reply r = api.get("/api/v1/submissions/" + id + "?wait=1");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().get("status").asText()).isEqualTo("QUEUED");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isBetween(Duration.ofMillis(900), Duration.ofSeconds(5));
        // a status outside the ones waited through answers at once
        start = System.nanoTime();
        assertThat(api.get("/api/v1/submissions/" + id + "?wait=30&while=VALIDATING").json().get("status").asText())
                .isEqualTo("QUEUED");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
        SYSTEM.core.validating().validateNext("worker-1");
    }

    @Test
    void a_payout_is_waited_for_before_it_exists_and_404_stays_the_answer_when_none_comes() {
        String id = submitted("pass 3");
        String bounty = api.get("/api/v1/submissions/" + id).json().get("bountyId").asText();
        ApiClient.Reply none = api.get("/api/v1/bounties/" + bounty + "/payout?wait=1");
        assertThat(none.status()).isEqualTo(404);
        assertThat(none.problem()).isEqualTo("not-found");
        validateLater(200);
        ApiClient.Reply paid = api.get("/api/v1/bounties/" + bounty + "/payout?wait=30&while=NONE,PENDING,SENT");
        assertThat(paid.status()).as(paid.body()).isEqualTo(200);
        assertThat(paid.json().get("status").asText()).isEqualTo("CONFIRMED");
        assertThat(paid.json().get("submissionId").asText()).isEqualTo(id);
    }

    @Test
    void a_job_read_is_held_until_the_other_party_moves_it() {
        SigningAgent seller = given.registered("seller-wait");
        SigningAgent client = given.registered("client-wait");
        String job = hiring.propose(client, hiring.listing(seller, "3"));
        CompletableFuture.runAsync(() -> {
            try {
                Thread.sleep(300);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            hiring.move(job, "accept", seller);
        }, THREADS);
        ApiClient.Reply r = api.send(new ApiClient.Call("GET", "/api/v1/jobs/" + job, "wait=20", new byte[0], client, 0,
                null, java.util.Map.of()));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().get("status").asText()).isEqualTo("AGREED");
    }

    @Test
    void bad_wait_values_are_refused_as_invalid_input_and_change_nothing() {
        String id = submitted("pass 4");
        int events = SYSTEM.eventCount();
        for (String query : List.of("wait=61", "wait=-1", "wait=abc", "wait=1.5", "wait=", "wait=999999999999", "wait=%2B5", "wait=1&while=BOGUS", "wait=1&while=", "wait=1&while=QUEUED,",
                "wait=1&while=COMPLETED", "wait=1&while=queued")) {
            ApiClient.Reply r = api.get("/api/v1/submissions/" + id + "?" + query);
            assertThat(r.status()).as(query + ": " + r.body()).isEqualTo(400);
            assertThat(r.problem()).as(query).isEqualTo("invalid-input");
            assertThat(r.json().at("/errors/0/field").asText()).as(query).isIn("wait", "while");
        }
        assertThat(SYSTEM.eventCount()).isEqualTo(events);
        assertThat(api.get("/api/v1/submissions/" + id + "?wait=0").json().get("status").asText()).isEqualTo("QUEUED");
        SYSTEM.core.validating().validateNext("worker-1");
    }

    @Test
    void past_the_bound_a_waiting_read_is_answered_503_with_retry_after() throws Exception {
        String id = submitted("pass 5");
        List<CompletableFuture<ApiClient.Reply>> held = new ArrayList<>();
        for (int i = 0; i < BOUND; i++) {
            held.add(CompletableFuture.supplyAsync(() -> api.get("/api/v1/submissions/" + id + "?wait=20"), THREADS));
        }
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (SYSTEM.waiting.waiting() < BOUND && System.nanoTime() < until) {
            Thread.sleep(10);
        }
        ApiClient.Reply busy = api.get("/api/v1/submissions/" + id + "?wait=20&while=QUEUED");
        assertThat(busy.status()).as(busy.body()).isEqualTo(503);
        assertThat(busy.problem()).isEqualTo("wait-capacity");
        assertThat(busy.header("Retry-After")).isEqualTo("1");
        assertThat(api.get("/api/v1/submissions/" + id).status()).as("a read without wait still works").isEqualTo(200);
        validateLater(0);
        for (CompletableFuture<ApiClient.Reply> f : held) {
            assertThat(f.get(10, TimeUnit.SECONDS).json().get("status").asText()).isNotEqualTo("QUEUED");
        }
    }
}
