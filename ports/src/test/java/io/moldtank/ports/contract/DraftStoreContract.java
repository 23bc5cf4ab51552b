package io.moldtank.ports.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.moldtank.domain.bounty.BountyId;
import io.moldtank.domain.money.Usdc;
import io.moldtank.domain.scraper.Candidate;
import io.moldtank.domain.scraper.Fingerprint;
import io.moldtank.domain.scraper.RewardBands;
import io.moldtank.domain.scraper.ScrapedDraft;
import io.moldtank.domain.scraper.ScrapedDraft.Status;
import io.moldtank.domain.scraper.ScraperRun;
import io.moldtank.domain.scraper.SourcePost;
import io.moldtank.ports.out.storage.DraftStore;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The scraper's store, written once for memory, H2 and PostgreSQL; {@link #drafts()} is empty each time. */
public interface DraftStoreContract {
    Instant T0 = StorageFixtures.T0;

    DraftStore drafts();

    static ScrapedDraft draft(String postId, String text, Instant at) {
        var post = new SourcePost(postId, "Wish", text, null, "builders", null, 3, 0, 1, false, false, at);
        return ScrapedDraft.propose(UUID.randomUUID(), new Candidate(post, 2.5, Fingerprint.of(post)), RewardBands.DEFAULT,
                "https://www.moltbook.com/post/" + postId, at);
    }

    static ScraperRun run(Instant slot, boolean onDemand, Instant mark) {
        return new ScraperRun(UUID.randomUUID(), slot, onDemand, slot, slot.plusSeconds(2), ScraperRun.Outcome.OK, 10, 2,
                1, 0, List.of(), mark, "node-a");
    }

    @Test
    default void a_draft_is_stored_once_per_post_and_once_per_wording_and_reads_back_whole() {
        DraftStore s = drafts();
        ScrapedDraft d = draft("p1", "someone should build a shared clipboard", T0);
        assertThat(s.addDraft(d)).isTrue();
        assertThat(s.addDraft(draft("p1", "another text entirely", T0))).as("same post").isFalse();
        assertThat(s.addDraft(draft("p2", "Someone should BUILD a shared clipboard!", T0))).as("same wording").isFalse();
        ScrapedDraft back = s.draft(d.id()).orElseThrow();
        assertThat(back).usingRecursiveComparison().ignoringFields("score", "createdAt").isEqualTo(d);
        assertThat(back.score()).isCloseTo(d.score(), org.assertj.core.data.Offset.offset(1e-9));
        assertThat(s.drafts(Status.PENDING, 10)).extracting(ScrapedDraft::id).containsExactly(d.id());
        assertThat(s.draft(UUID.randomUUID())).isEmpty();
    }

    @Test
    default void a_draft_is_decided_once() {
        DraftStore s = drafts();
        ScrapedDraft d = draft("p1", "I wish there was a linter for prompts", T0);
        s.addDraft(d);
        var bounty = new BountyId(UUID.randomUUID());
        assertThat(s.decide(d.decided(Status.APPROVED, bounty, "ops", null, T0.plusSeconds(5)))).isTrue();
        assertThat(s.decide(d.decided(Status.REJECTED, null, "other", "no", T0.plusSeconds(6)))).isFalse();
        ScrapedDraft back = s.draft(d.id()).orElseThrow();
        assertThat(back.status()).isEqualTo(Status.APPROVED);
        assertThat(back.bountyId()).isEqualTo(bounty);
        assertThat(back.decidedBy()).isEqualTo("ops");
        assertThat(s.drafts(Status.PENDING, 10)).isEmpty();
        assertThat(s.drafts(Status.APPROVED, 10)).hasSize(1);
    }

    @Test
    default void known_drafts_and_the_days_posted_rewards_count_from_a_time() {
        DraftStore s = drafts();
        ScrapedDraft old = draft("old", "bounty idea: an old wish about calendars", T0.minus(Duration.ofDays(100)));
        ScrapedDraft recent = draft("new", "bounty idea: a new wish about compilers", T0);
        s.addDraft(old);
        s.addDraft(recent);
        var known = s.known(T0.minus(Duration.ofDays(30)));
        assertThat(known.postIds()).containsExactly("new");
        assertThat(known.fingerprints()).containsExactly(recent.fingerprint());
        s.decide(recent.decided(Status.POSTED, new BountyId(UUID.randomUUID()), "auto", null, T0.plusSeconds(1)));
        assertThat(s.postedSince(T0)).isEqualTo(recent.reward());
        assertThat(s.postedSince(T0.plusSeconds(2))).isEqualTo(Usdc.ZERO);
    }

    @Test
    default void runs_keep_their_slot_and_the_newest_mark() {
        DraftStore s = drafts();
        assertThat(s.highWater()).isEmpty();
        Instant slot = T0.minus(Duration.ofDays(1));
        s.recordRun(run(slot, false, T0.minusSeconds(100)));
        s.recordRun(run(T0, true, null));
        assertThat(s.slotDone(slot)).isTrue();
        assertThat(s.slotDone(T0)).as("a run on demand is no scheduled slot").isFalse();
        assertThat(s.highWater()).contains(T0.minusSeconds(100));
        s.recordRun(run(T0.plusSeconds(60), false, T0));
        assertThat(s.highWater()).contains(T0);
        assertThat(s.runs(2)).extracting(ScraperRun::slot).containsExactly(T0.plusSeconds(60), T0);
    }
}
