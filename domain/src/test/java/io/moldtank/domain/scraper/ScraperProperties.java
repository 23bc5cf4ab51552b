package io.moldtank.domain.scraper;

import static io.moldtank.domain.scraper.Posts.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** Selection over any feed: never a deleted or pinned post, never more than top, best first, no post drafted twice. */
class ScraperProperties {
    private static final WishPatterns SEED = WishPatterns.withExtra(List.of());

    @Provide
    Arbitrary<List<SourcePost>> feed() {
        return posts().list().ofMaxSize(40);
    }

    private Arbitrary<SourcePost> posts() {
        Arbitrary<String> text = Arbitraries.of("someone should build a ", "I'd pay 5 for a ", "bounty idea: ",
                "hello ", "need a bot that can ").flatMap(head -> Arbitraries.strings().alpha().ofMinLength(3)
                .ofMaxLength(40).map(tail -> head + tail));
        return Combinators.combine(Arbitraries.strings().numeric().ofMinLength(1).ofMaxLength(6), text,
                Arbitraries.longs().between(-5, 500), Arbitraries.longs().between(0, 80),
                Arbitraries.integers().between(0, 72 * 60), Arbitraries.of(true, false, false, false),
                Arbitraries.of(true, false, false, false)).as((id, t, up, comments, minutes, pinned, deleted) ->
                new SourcePost(id, "", t, null, "m", null, up, 0, comments, pinned, deleted,
                        NOW.minus(Duration.ofMinutes(minutes))));
    }

    @Property
    void a_selection_is_at_most_top_wishes_best_first_and_none_deleted_or_pinned(
            @ForAll("feed") List<SourcePost> feed, @ForAll @IntRange(min = 1, max = 4) int top) {
        var chosen = CandidateSelection.select(feed, SEED, CandidateSelection.Known.NOTHING, NOW, top);
        assertThat(chosen).hasSizeLessThanOrEqualTo(top);
        assertThat(chosen).allSatisfy(c -> {
            assertThat(c.post().deleted() || c.post().pinned()).isFalse();
            assertThat(SEED.matches(c.post())).isTrue();
        });
        for (int i = 1; i < chosen.size(); i++) {
            assertThat(chosen.get(i).score()).isLessThanOrEqualTo(chosen.get(i - 1).score());
            assertThat(chosen.get(i).fingerprint().near(chosen.get(i - 1).fingerprint())).isFalse();
        }
    }

    @Property
    void daily_runs_over_a_growing_feed_never_draft_a_post_or_a_near_copy_twice(
            @ForAll("feed") List<SourcePost> feed, @ForAll @IntRange(min = 1, max = 3) int top) {
        Set<String> drafted = new HashSet<>();
        List<Fingerprint> prints = new ArrayList<>();
        for (int day = 0; day < 4; day++) {
            List<SourcePost> seen = feed.subList(0, Math.min(feed.size(), (day + 1) * 10));
            Instant at = NOW.plus(Duration.ofDays(day));
            var known = new CandidateSelection.Known(drafted, prints);
            for (Candidate c : CandidateSelection.select(seen, SEED, known, at, top)) {
                if (drafted.contains(c.post().id())) {
                    continue; // already drafted: counted, not drafted again
                }
                assertThat(prints).noneMatch(p -> p.near(c.fingerprint()));
                drafted.add(c.post().id());
                prints.add(c.fingerprint());
            }
        }
    }

    @Property
    void the_latest_scheduled_minute_is_at_or_before_the_time_and_matches_the_expression(
            @ForAll @IntRange(min = 0, max = 59) int minute, @ForAll @IntRange(min = 0, max = 23) int hour,
            @ForAll @IntRange(min = 0, max = 400 * 24 * 60) int offsetMinutes) {
        var cron = CronSchedule.parse(minute + " " + hour + " * * *");
        Instant t = NOW.plus(Duration.ofMinutes(offsetMinutes));
        Instant slot = cron.latestAtOrBefore(t).orElseThrow();
        assertThat(slot).isBeforeOrEqualTo(t);
        assertThat(Duration.between(slot, t)).isLessThan(Duration.ofDays(1));
        var utc = slot.atZone(java.time.ZoneOffset.UTC);
        assertThat(utc.getHour()).isEqualTo(hour);
        assertThat(utc.getMinute()).isEqualTo(minute);
    }
}
