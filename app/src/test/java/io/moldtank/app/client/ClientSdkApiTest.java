package io.moldtank.app.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.moldtank.client.AgentKey;
import io.moldtank.client.Bounty;
import io.moldtank.client.BountyDraft;
import io.moldtank.client.EventStream;
import io.moldtank.client.Identity;
import io.moldtank.client.Job;
import io.moldtank.client.Market;
import io.moldtank.client.MoldTank;
import io.moldtank.client.ProblemException;
import io.moldtank.client.ReceiptVerifier;
import io.moldtank.client.Retries;
import io.moldtank.client.StreamEvent;
import io.moldtank.client.SubmissionResult;
import io.moldtank.client.Usdc;
import io.moldtank.client.WaitTimedOutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 18 §1–2 against the running main job: a new agent goes from nothing to paid in three SDK calls
 * (register, find, submit-and-await-payout), its receipt verifies, the stream resumes, and a held read costs
 * one read token however long it is held.
 */
@Timeout(120)
class ClientSdkApiTest {
    private static final AtomicInteger WALLETS = new AtomicInteger(0x5d00);

    static String wallet() {
        return "0x" + String.format("%040x", WALLETS.incrementAndGet());
    }

    static MoldTank agent(URI server) {
        return MoldTank.builder(server).identity(new Identity(AgentKey.generate(), null, null)).build();
    }

    static Bounty fundedBounty(MoldTank poster, String title) {
        poster.register(new MoldTank.Registration(wallet(), "poster", "posts work", null));
        Bounty draft = poster.post(BountyDraft.rubric(title, "Write a haiku about escrow.", Usdc.parse("12.5"),
                Instant.now().plus(Duration.ofDays(2)), "five, seven, five syllables"));
        return poster.fundOnMockChain(draft.id());
    }

    @Test
    void a_new_agent_goes_from_nothing_to_paid_in_three_sdk_calls(@TempDir Path dir) throws Exception {
        try (MainJobWithJudge job = new MainJobWithJudge(dir, Map.of());
             MoldTank poster = agent(job.uri()); MoldTank solver = agent(job.uri())) {
            Bounty open = fundedBounty(poster, "Haiku for the escrow " + dir.getFileName());
            assertThat(open.status()).isEqualTo("OPEN");
            Map<String, String> files = Map.of("haiku.txt", "coins wait in the dark\nuntil the tests say yes\nthen light");

            int calls = 0;
            String wallet = wallet();
            solver.register(new MoldTank.Registration(wallet, "solver", "writes haiku", null));
            calls++;
            Bounty found = solver.bounties(MoldTank.BountyQuery.open()).items().stream()
                    .filter(b -> b.id().equals(open.id())).findFirst().orElseThrow();
            calls++;
            long start = System.nanoTime();
            SubmissionResult result = solver.submitAndAwaitPayout(found.id(), files, Duration.ofSeconds(60));
            long submitToPaidMs = (System.nanoTime() - start) / 1_000_000;
            calls++;

            assertThat(result.judged().status()).isEqualTo("PASSED");
            assertThat(result.paid()).as("%s", result).isTrue();
            assertThat(result.payout().wallet()).isEqualToIgnoringCase(wallet);
            assertThat(result.payout().amount()).isEqualTo(Usdc.parse("12.5"));
            assertThat(result.payout().txHash()).startsWith("0x");
            assertThat(calls).isLessThanOrEqualTo(3);
            ReceiptVerifier.Claims claims = solver.verifyReceipt(result.submitted().receipt());
            assertThat(claims.submissionId()).isEqualTo(result.submitted().id());
            assertThat(claims.filesSha256()).isEqualTo(ReceiptVerifier.filesSha256(files));
            System.out.printf("issue 18 figures: nothing to paid in %d SDK calls, %d HTTP requests (receipt check "
                    + "included), submit to paid %d ms%n", calls, solver.requestsSent(), submitToPaidMs);
            assertThat(solver.bounty(open.id()).status()).isEqualTo("PAID");
        }
    }

    @Test
    void the_event_stream_replays_in_order_and_resumes_after_a_dropped_connection(@TempDir Path dir) throws Exception {
        try (MainJobWithJudge job = new MainJobWithJudge(dir, Map.of());
             MoldTank poster = agent(job.uri()); MoldTank solver = agent(job.uri())) {
            Bounty open = fundedBounty(poster, "Streamed haiku");
            solver.register(new MoldTank.Registration(wallet(), "solver", null, null));
            List<StreamEvent> seen = new CopyOnWriteArrayList<>();
            try (EventStream stream = solver.stream(open.id(), 0, seen::add)) {
                assertThat(solver.submitAndAwaitPayout(open.id(), Map.of("h.txt", "a haiku"), Duration.ofSeconds(60))
                        .paid()).isTrue();
                awaitType(seen, "Paid");
                stream.reconnect();
                long until = System.nanoTime() + Duration.ofSeconds(10).toNanos();
                while (stream.connections() < 2 && System.nanoTime() < until) {
                    Thread.sleep(20);
                }
                assertThat(stream.connections()).isEqualTo(2);
                Thread.sleep(300); // the resumed stream's replay (nothing after the last id) has arrived
                assertThat(seen).extracting(StreamEvent::id).isSorted().doesNotHaveDuplicates();
                assertThat(stream.lastEventId()).isEqualTo(seen.getLast().id());
            }
            assertThat(seen).extracting(StreamEvent::type).contains("Opened", "SubmissionReceived", "VerdictRecorded",
                    "Awarded", "Paid");
            long third = seen.get(2).id();
            List<StreamEvent> resumed = new CopyOnWriteArrayList<>();
            try (EventStream again = solver.stream(open.id(), third, resumed::add)) {
                awaitType(resumed, "Paid");
            }
            assertThat(resumed.getFirst().id()).isGreaterThan(third);
            assertThat(resumed).extracting(StreamEvent::id).isEqualTo(seen.stream().map(StreamEvent::id)
                    .filter(id -> id > third).toList());
        }
    }

    @Test
    void a_held_read_costs_one_read_token_however_long_it_is_held_and_is_counted(@TempDir Path dir) throws Exception {
        try (MainJobWithJudge job = new MainJobWithJudge(dir, Map.of("moldtank.http.limits.read.capacity", "3",
                "moldtank.http.limits.read.refill", "1"));
             MoldTank seller = agent(job.uri());
             MoldTank client = MoldTank.builder(job.uri()).identity(new Identity(AgentKey.generate(), null, null))
                     .retries(Retries.NONE).build()) {
            seller.register(new MoldTank.Registration(wallet(), "seller", null, null));
            client.register(new MoldTank.Registration(wallet(), "client", null, null));
            String listing = seller.market().sell("Review", "I review code", Usdc.parse("2"), List.of("review")).id();
            Market market = client.market();
            Job proposed = market.hire(listing);
            long start = System.nanoTime();
            for (int i = 0; i < 3; i++) { // nobody accepts: each read is held its whole second
                assertThatThrownBy(() -> market.awaitJob(proposed.id(), List.of("PROPOSED"), Duration.ofSeconds(1),
                        j -> { })).isInstanceOf(WaitTimedOutException.class);
            }
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(2900));
            assertThatThrownBy(() -> market.job(proposed.id())).isInstanceOfSatisfying(
                    ProblemException.RateLimited.class, e -> {
                        assertThat(e.code()).isEqualTo(ProblemException.RATE_LIMITED);
                        assertThat(e.retryAfter()).isPresent();
                    });
            String metrics = HttpClient.newHttpClient().send(HttpRequest.newBuilder(job.uri().resolve("/observe/metrics"))
                    .header("Accept", "text/plain").build(), HttpResponse.BodyHandlers.ofString()).body();
            assertThat(metrics).containsPattern("moldtank_waits_total\\{[^}]*outcome=\"timed_out\"[^}]*\\} [1-9]")
                    .containsPattern("moldtank_waiters_max\\{[^}]*\\} 1000");
        }
    }

    private static void awaitType(List<StreamEvent> events, String type) throws InterruptedException {
        long until = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (events.stream().noneMatch(e -> e.type().equals(type)) && System.nanoTime() < until) {
            Thread.sleep(20);
        }
        assertThat(events).extracting(StreamEvent::type).contains(type);
    }
}
