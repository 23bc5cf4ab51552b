package io.moldtank.adapters.moltbook;

import static io.moldtank.adapters.moltbook.Fixtures.NOW;
import static io.moldtank.adapters.moltbook.Fixtures.bare;
import static io.moldtank.adapters.moltbook.Fixtures.ids;
import static io.moldtank.adapters.moltbook.Fixtures.post;
import static org.assertj.core.api.Assertions.assertThat;

import io.moldtank.adapters.moltbook.FakeMoltbook.Reply;
import io.moldtank.ports.out.source.ProblemSource.Fetch;
import io.moldtank.ports.out.source.ProblemSource.Limits;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class RateLimitTest extends AgainstFakeMoltbook {
    /** No retries at all: a 429 must still be waited out and the same page asked again. */
    private static final Limits NO_RETRIES = new Limits(10, 1 << 20, Duration.ofDays(1), 0);

    private Fetch run() {
        return MoltbookAdapters.problemSource(settings())
                .fetchSince(null, NOW, NO_RETRIES);
    }

    @Test
    void a429WaitsTheBodysRetryAfterSecondsThenAsksForTheSamePageWithoutSpendingARetry() {
        moltbook.then(Reply.json(429, "{\"success\":false,\"error\":\"Rate limit exceeded\",\"retry_after_seconds\":7}")
                        .withHeader("Retry-After", "99"),
                Reply.ok(bare(post("p1", 1))));

        Fetch fetch = run();

        assertThat(sleeper.waits).containsExactly(Duration.ofSeconds(7));
        assertThat(fetch.rateLimited()).isEqualTo(1);
        assertThat(ids(fetch)).containsExactly("p1");
        assertThat(fetch.complete()).isTrue();
        assertThat(fetch.errors()).isEmpty();
        assertThat(moltbook.received()).extracting(FakeMoltbook.Received::query).allSatisfy(q ->
                assertThat(q).doesNotContainKey("cursor"));
    }

    @Test
    void withoutABodyValueTheRetryAfterHeaderIsUsedAndAnyWaitIsCapped() {
        moltbook.then(Reply.json(429, "{}").withHeader("Retry-After", "3"),
                Reply.json(429, "{\"retry_after_seconds\":\"86400\"}"),
                Reply.json(429, "not json").withHeader("Retry-After", "1.5"),
                Reply.ok(bare(post("p1", 1))));

        Fetch fetch = run();

        assertThat(sleeper.waits).containsExactly(Duration.ofSeconds(3), Duration.ofSeconds(120),
                Duration.ofMillis(1500));
        assertThat(fetch.rateLimited()).isEqualTo(3);
        assertThat(fetch.complete()).isTrue();
    }

    @Test
    void whenNeitherSaysHowLongTheWaitDoublesFromFiveSeconds() {
        moltbook.then(Reply.json(429, ""), Reply.json(429, "{\"retry_after_seconds\":-1}"), Reply.ok(bare()));

        Fetch fetch = run();

        assertThat(sleeper.waits).containsExactly(Duration.ofSeconds(5), Duration.ofSeconds(10));
        assertThat(fetch.complete()).isTrue();
    }

    @Test
    void aServerThatOnlyEverAnswers429EndsTheRunAfterFiveWaits() {
        for (int i = 0; i < 10; i++) {
            moltbook.then(Reply.json(429, "{\"retry_after_seconds\":1}"));
        }

        Fetch fetch = run();

        assertThat(sleeper.waits).hasSize(PageFetcher.MAX_RATE_LIMITED_IN_A_ROW);
        assertThat(moltbook.received()).hasSize(PageFetcher.MAX_RATE_LIMITED_IN_A_ROW + 1);
        assertThat(fetch.rateLimited()).isEqualTo(PageFetcher.MAX_RATE_LIMITED_IN_A_ROW);
        assertThat(fetch.complete()).isFalse();
        assertThat(fetch.errors()).singleElement().asString().contains("HTTP 429");
    }
}
