package io.moldtank.adapters.moltbook;

import static io.moldtank.adapters.moltbook.Fixtures.API_KEY;
import static io.moldtank.adapters.moltbook.Fixtures.LIMITS;
import static io.moldtank.adapters.moltbook.Fixtures.NOW;
import static io.moldtank.adapters.moltbook.Fixtures.bare;
import static io.moldtank.adapters.moltbook.Fixtures.ids;
import static io.moldtank.adapters.moltbook.Fixtures.minutesAgo;
import static io.moldtank.adapters.moltbook.Fixtures.page;
import static io.moldtank.adapters.moltbook.Fixtures.post;
import static org.assertj.core.api.Assertions.assertThat;

import io.moldtank.adapters.moltbook.FakeMoltbook.Received;
import io.moldtank.adapters.moltbook.FakeMoltbook.Reply;
import io.moldtank.ports.out.source.ProblemSource;
import io.moldtank.ports.out.source.ProblemSource.Fetch;
import io.moldtank.ports.out.source.ProblemSource.Limits;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PagingTest extends AgainstFakeMoltbook {
    private ProblemSource source;

    @BeforeEach
    void source() {
        source = MoltbookAdapters.problemSource(settings().withSubmolt("general").withPageSize(20));
    }

    @Test
    void followsEitherCursorFieldToTheLastPageSendingTheBearerKeyEachTime() {
        moltbook.then(Reply.ok(page("next_cursor", "c/2+", post("p1", 1), post("p2", 2))),
                Reply.ok(page("cursor", "c3", post("p3", 3))),
                Reply.ok(bare(post("p4", 4))));

        Fetch fetch = source.fetchSince(null, NOW, LIMITS);

        assertThat(ids(fetch)).containsExactly("p1", "p2", "p3", "p4");
        assertThat(fetch.complete()).isTrue();
        assertThat(fetch.pages()).isEqualTo(3);
        assertThat(fetch.highWater()).isEqualTo(minutesAgo(1));
        assertThat(fetch.bytes()).isPositive();
        assertThat(fetch.errors()).isEmpty();
        assertThat(moltbook.received()).extracting(Received::authorization).containsOnly("Bearer " + API_KEY)
                .hasSize(3);
        assertThat(moltbook.received()).extracting(Received::path).containsOnly("/api/v1/posts");
        assertThat(moltbook.received()).extracting(Received::query).containsExactly(
                Map.of("sort", "new", "limit", "20", "submolt", "general"),
                Map.of("sort", "new", "limit", "20", "submolt", "general", "cursor", "c/2+"),
                Map.of("sort", "new", "limit", "20", "submolt", "general", "cursor", "c3"));
    }

    @Test
    void stopsAtThePageThatReachesTheMarkAndReturnsOnlyPostsAfterIt() {
        moltbook.then(Reply.ok(page("next_cursor", "c2", post("p1", 1), post("p5", 5))),
                Reply.ok(page("next_cursor", "c3", post("p9", 9), post("at-mark", 10), post("p12", 12))),
                Reply.ok(page("next_cursor", "c4", post("never-asked", 20))));

        Fetch fetch = source.fetchSince(minutesAgo(10), NOW, LIMITS);

        assertThat(ids(fetch)).containsExactly("p1", "p5", "p9");
        assertThat(fetch.complete()).isTrue();
        assertThat(fetch.highWater()).isEqualTo(minutesAgo(1));
        assertThat(moltbook.received()).hasSize(2);
    }

    @Test
    void aRunWithNothingNewIsCompleteAndHasNoHighWater() {
        moltbook.then(Reply.ok(page("next_cursor", "c2", post("old", 30))));

        Fetch fetch = source.fetchSince(minutesAgo(10), NOW, LIMITS);

        assertThat(fetch.posts()).isEmpty();
        assertThat(fetch.highWater()).isNull();
        assertThat(fetch.complete()).isTrue();
        assertThat(moltbook.received()).hasSize(1);
    }

    @Test
    void aFirstRunReadsBackOnlyTheFirstWindow() {
        Limits oneHour = new Limits(10, 1 << 20, Duration.ofHours(1), 3);
        moltbook.then(Reply.ok(page("next_cursor", "c2", post("p10", 10), post("p50", 50))),
                Reply.ok(page("next_cursor", "c3", post("p60", 60), post("p61", 61))),
                Reply.ok(page("next_cursor", "c4", post("never-asked", 90))));

        Fetch fetch = source.fetchSince(null, NOW, oneHour);

        assertThat(ids(fetch)).containsExactly("p10", "p50", "p60");
        assertThat(fetch.complete()).isTrue();
        assertThat(moltbook.received()).hasSize(2);
    }

    @Test
    void anOldPinnedPostAtTheTopOfAPageDoesNotEndTheRun() {
        String pinned = post("pinned", 60 * 24 * 30).replace("\"is_pinned\":false", "\"is_pinned\":true");
        moltbook.then(Reply.ok(page("next_cursor", "c2", pinned, post("p1", 1))),
                Reply.ok(page("next_cursor", "c3", post("p2", 2), post("p20", 20))));

        Fetch fetch = source.fetchSince(minutesAgo(10), NOW, LIMITS);

        assertThat(ids(fetch)).containsExactly("p1", "p2");
        assertThat(moltbook.received()).hasSize(2);
        assertThat(fetch.complete()).isTrue();
    }

    @Test
    void aPostOnTwoPagesIsReturnedOnceAndARepostUnderAnotherIdIsKept() {
        String repost = post("repost", 3).replace("content repost", "content p1");
        moltbook.then(Reply.ok(page("next_cursor", "c2", post("p1", 1), post("p2", 2))),
                Reply.ok(bare(post("p2", 2), repost)));

        Fetch fetch = source.fetchSince(null, NOW, LIMITS);

        assertThat(ids(fetch)).containsExactly("p1", "p2", "repost");
        assertThat(fetch.posts().get(2).content()).isEqualTo(fetch.posts().get(0).content());
    }

    @Test
    void thePageCapStopsTheRunIncompleteWithoutAnError() {
        Limits twoPages = new Limits(2, 1 << 20, Duration.ofDays(1), 3);
        moltbook.then(Reply.ok(page("next_cursor", "c2", post("p1", 1))),
                Reply.ok(page("next_cursor", "c3", post("p2", 2))),
                Reply.ok(page("next_cursor", "c4", post("p3", 3))));

        Fetch fetch = source.fetchSince(null, NOW, twoPages);

        assertThat(ids(fetch)).containsExactly("p1", "p2");
        assertThat(fetch.complete()).isFalse();
        assertThat(fetch.pages()).isEqualTo(2);
        assertThat(fetch.errors()).isEmpty();
        assertThat(moltbook.received()).hasSize(2);
    }

    @Test
    void aPostDatedInTheFutureIsSkippedAndDoesNotBecomeTheMark() {
        moltbook.then(Reply.ok(bare(post("edited", -60 * 24 * 365), post("p1", 1), post("skewed", -2))));

        Fetch fetch = source.fetchSince(null, NOW, LIMITS);

        assertThat(ids(fetch)).containsExactly("p1", "skewed");
        assertThat(fetch.highWater()).isEqualTo(minutesAgo(-2));
        assertThat(fetch.errors()).singleElement().asString().contains("dated after now");
        assertThat(fetch.complete()).isTrue();
    }
}
