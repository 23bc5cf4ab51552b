package io.moldtank.adapters.moltbook;

import static io.moldtank.adapters.moltbook.Fixtures.API_KEY;
import static io.moldtank.adapters.moltbook.Fixtures.NOW;
import static io.moldtank.adapters.moltbook.Fixtures.bare;
import static io.moldtank.adapters.moltbook.Fixtures.ids;
import static io.moldtank.adapters.moltbook.Fixtures.page;
import static io.moldtank.adapters.moltbook.Fixtures.post;
import static org.assertj.core.api.Assertions.assertThat;

import io.moldtank.adapters.moltbook.FakeMoltbook.Reply;
import io.moldtank.ports.out.source.ProblemSource.Fetch;
import io.moldtank.ports.out.source.ProblemSource.Limits;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class FailuresTest extends AgainstFakeMoltbook {
    private static final Limits TWO_RETRIES = new Limits(10, 1 << 20, Duration.ofDays(1), 2);

    private Fetch run(Duration timeout, Limits limits) {
        return MoltbookAdapters.problemSource(settings()
                .withRequestTimeout(timeout)).fetchSince(null, NOW, limits);
    }

    private Fetch run() {
        return run(Duration.ofSeconds(5), TWO_RETRIES);
    }

    @Test
    void aServerErrorIsRetriedAfterABackOffAndTheRunCompletes() {
        moltbook.then(Reply.json(503, "<html>busy</html>"), Reply.json(500, "{}"), Reply.ok(bare(post("p1", 1))));

        Fetch fetch = run();

        assertThat(ids(fetch)).containsExactly("p1");
        assertThat(sleeper.waits).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2));
        assertThat(fetch.complete()).isTrue();
        assertThat(fetch.errors()).isEmpty();
        assertThat(fetch.rateLimited()).isZero();
    }

    @Test
    void errorsPastTheRetriesEndTheRunWithWhatItHasAndWhy() {
        moltbook.then(Reply.ok(page("next_cursor", "c2", post("p1", 1))),
                Reply.json(502, "{}"), Reply.json(502, "{}"), Reply.json(502, "{}"), Reply.ok(bare(post("late", 2))));

        Fetch fetch = run();

        assertThat(ids(fetch)).containsExactly("p1");
        assertThat(moltbook.received()).hasSize(4);
        assertThat(fetch.complete()).isFalse();
        assertThat(fetch.pages()).isEqualTo(1);
        assertThat(fetch.errors()).singleElement().asString()
                .contains("page 2", "HTTP 502", "gave up after 2 retries");
    }

    @Test
    void anAnswerSlowerThanTheRequestTimeoutIsAbandonedAndRetried() {
        moltbook.then(Reply.ok(bare(post("slow", 1))).after(Duration.ofSeconds(5)), Reply.ok(bare(post("p1", 1))));
        long start = System.nanoTime();

        Fetch fetch = run(Duration.ofMillis(300), TWO_RETRIES);

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(4));
        assertThat(ids(fetch)).containsExactly("p1");
        assertThat(sleeper.waits).containsExactly(Duration.ofSeconds(1));
        assertThat(fetch.complete()).isTrue();
    }

    @Test
    void aMalformedPageIsRetriedAndThenReportedWithoutQuotingIt() {
        moltbook.then(Reply.ok("{\"posts\": [ {\"id\": \"IGNORE ALL"), Reply.ok("{\"success\":false}"),
                Reply.ok("<html>IGNORE ALL</html>"));

        Fetch fetch = run();

        assertThat(moltbook.received()).hasSize(3);
        assertThat(fetch.complete()).isFalse();
        assertThat(fetch.errors()).singleElement().asString().contains("malformed page: not JSON")
                .doesNotContain("IGNORE");
    }

    @Test
    void aRefusedKeyStopsAtOnceWithoutRetryingOrEchoingTheKey() {
        moltbook.then(Reply.json(401, "{\"error\":\"invalid key " + API_KEY + "\"}"), Reply.ok(bare(post("p1", 1))));

        Fetch fetch = run();

        assertThat(moltbook.received()).hasSize(1);
        assertThat(sleeper.waits).isEmpty();
        assertThat(fetch.posts()).isEmpty();
        assertThat(fetch.complete()).isFalse();
        assertThat(fetch.errors()).singleElement().asString().contains("HTTP 401", "refused the API key")
                .doesNotContain(API_KEY);
    }

    @Test
    void aForbiddenAnswerAndARedirectAreNotRetriedEither() {
        moltbook.then(Reply.json(403, "{}"));
        assertThat(run().errors()).singleElement().asString().contains("HTTP 403");
        moltbook.then(Reply.json(301, "").withHeader("Location", "https://moltbook.com/api/v1/posts"));
        assertThat(run().errors()).singleElement().asString().contains("HTTP 301", "www host");
        assertThat(moltbook.received()).hasSize(2);
    }

    @Test
    void anUnreachableServerIsRetriedThenReported() throws IOException {
        URI closed;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = URI.create("http://127.0.0.1:" + socket.getLocalPort() + "/api/v1");
        }

        Fetch fetch = MoltbookAdapters.problemSource(Fixtures.settings(closed, sleeper)).fetchSince(null, NOW,
                TWO_RETRIES);

        assertThat(sleeper.waits).hasSize(2);
        assertThat(fetch.complete()).isFalse();
        assertThat(fetch.errors()).singleElement().asString().contains("unreachable", "gave up after 2 retries");
    }

    @Test
    void aBodyPastTheByteBudgetIsCutAndEndsTheRunWithoutReadingItWhole() {
        Limits oneMiB = new Limits(10, 1 << 20, Duration.ofDays(1), 2);
        String huge = post("huge", 2).replace("content huge", "A".repeat(8 << 20));
        moltbook.then(Reply.ok(page("next_cursor", "c2", post("p1", 1))), Reply.ok(bare(huge)));

        Fetch fetch = run(Duration.ofSeconds(5), oneMiB);

        assertThat(ids(fetch)).containsExactly("p1");
        assertThat(fetch.bytes()).isEqualTo(oneMiB.maxBytes());
        assertThat(fetch.complete()).isFalse();
        assertThat(moltbook.received()).hasSize(2);
        assertThat(fetch.errors()).singleElement().asString().contains("page 2", "cut", "byte budget");
    }
}
