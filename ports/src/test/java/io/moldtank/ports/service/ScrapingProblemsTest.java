package io.moldtank.ports.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.moldtank.domain.agent.AgentId;
import io.moldtank.domain.bounty.BountyStatus;
import io.moldtank.domain.money.Usdc;
import io.moldtank.domain.scraper.CronSchedule;
import io.moldtank.domain.scraper.RewardBands;
import io.moldtank.domain.scraper.ScrapedDraft;
import io.moldtank.domain.scraper.ScrapedDraft.Status;
import io.moldtank.domain.scraper.ScraperRun;
import io.moldtank.domain.scraper.SourcePost;
import io.moldtank.domain.scraper.WishPatterns;
import io.moldtank.ports.in.scraper.ReviewDraftsUseCase.ApproveDraftCommand;
import io.moldtank.ports.in.scraper.ReviewDraftsUseCase.RejectDraftCommand;
import io.moldtank.ports.in.scraper.ScraperSettings;
import io.moldtank.ports.memory.FixedProblemSource;
import io.moldtank.ports.memory.InMemoryDraftStore;
import io.moldtank.ports.memory.InMemoryReconciliation;
import io.moldtank.ports.out.source.ProblemSource;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The scraper over the in-memory system: a run per slot on one node, drafts made once, reviewed or posted. */
class ScrapingProblemsTest {
    private final InMemorySystem sys = new InMemorySystem(1);
    private final InMemoryDraftStore store = new InMemoryDraftStore();
    private final InMemoryReconciliation leases = new InMemoryReconciliation(sys.storage);
    private final FixedProblemSource moltbook = new FixedProblemSource();
    private final AgentId platform = sys.register(99, null);

    @AfterEach
    void close() {
        sys.close();
    }

    private ScraperSettings settings(ScraperSettings.Mode mode, Usdc budget) {
        return new ScraperSettings(CronSchedule.parse("0 6 * * *"), WishPatterns.withExtra(List.of()), RewardBands.DEFAULT,
                2, new ProblemSource.Limits(10, 1 << 20, Duration.ofDays(1), 2), mode, budget, Duration.ofDays(14),
                Duration.ofMinutes(5), Duration.ofDays(90));
    }

    private ScrapingProblems node(String name, ScraperSettings.Mode mode, io.moldtank.ports.out.storage.DraftStore drafts) {
        return new ScrapingProblems(drafts, leases, moltbook, settings(mode, Usdc.ofWhole(20)), reviewing(drafts),
                sys.clock, java.util.UUID::randomUUID, name);
    }

    private ReviewingDrafts reviewing(io.moldtank.ports.out.storage.DraftStore drafts) {
        return new ReviewingDrafts(drafts, sys.core, platform, Duration.ofDays(14), sys.clock);
    }

    private SourcePost post(String id, String text, long up, Duration age) {
        return new SourcePost(id, "", text, null, "builders", null, up, 0, 0, false, false, sys.clock.instant().minus(age));
    }

    /** The clock just after the next 06:00 UTC slot. */
    private void toNextSlot() {
        var now = sys.clock.instant();
        var next = CronSchedule.parse("0 6 * * *").latestAtOrBefore(now.plus(Duration.ofDays(1))).orElseThrow();
        sys.clock.advance(Duration.between(now, next).plusSeconds(30));
    }

    @Test
    void a_slot_is_run_once_by_one_node_and_drafts_the_best_wishes_linked_to_their_posts() {
        toNextSlot();
        moltbook.add(post("a", "someone should build a prompt linter", 50, Duration.ofHours(2)));
        moltbook.add(post("b", "I'd pay 10 USDC for a shared clipboard between agents", 5, Duration.ofHours(3)));
        moltbook.add(post("c", "bounty idea: a diff tool for JSON documents", 1, Duration.ofHours(4)));
        moltbook.add(post("d", "good morning everyone", 500, Duration.ofHours(1)));

        ScraperRun run = node("node-a", ScraperSettings.Mode.REVIEW, store).runIfDue().orElseThrow();
        assertThat(node("node-b", ScraperSettings.Mode.REVIEW, store).runIfDue()).as("same slot, other node").isEmpty();

        assertThat(run.outcome()).isEqualTo(ScraperRun.Outcome.OK);
        assertThat(run.postsSeen()).isEqualTo(4);
        assertThat(run.draftsCreated()).isEqualTo(2);
        List<ScrapedDraft> pending = store.drafts(Status.PENDING, 10);
        assertThat(pending).extracting(ScrapedDraft::sourcePostId).containsExactlyInAnyOrder("a", "b");
        assertThat(pending).allSatisfy(d -> {
            assertThat(d.sourceUrl()).isEqualTo("https://www.moltbook.com/post/" + d.sourcePostId());
            assertThat(d.description()).contains("untrusted data").contains(d.sourceUrl());
            assertThat(d.tags()).contains("moltbook", "builders");
        });

        toNextSlot();
        moltbook.add(post("e", "Someone should build a PROMPT linter!!", 90, Duration.ofHours(1)));
        moltbook.add(post("f", "need a bot that can water my plants", 0, Duration.ofHours(1)));
        ScraperRun next = node("node-b", ScraperSettings.Mode.REVIEW, store).runIfDue().orElseThrow();
        assertThat(next.postsSeen()).as("read back to the mark only").isEqualTo(2);
        assertThat(store.drafts(Status.PENDING, 10)).extracting(ScrapedDraft::sourcePostId)
                .as("the repost of a drafted wish is not drafted again").containsExactlyInAnyOrder("a", "b", "f");
    }

    @Test
    void a_run_killed_half_way_is_run_again_without_a_duplicate_and_without_losing_a_candidate() {
        toNextSlot();
        moltbook.add(post("a", "someone should build a prompt linter", 50, Duration.ofHours(2)));
        moltbook.add(post("b", "I'd pay 10 USDC for a shared clipboard between agents", 5, Duration.ofHours(3)));
        AtomicInteger adds = new AtomicInteger();
        var dying = new DelegatingDraftStore(store) {
            @Override
            public boolean addDraft(ScrapedDraft d) {
                boolean added = super.addDraft(d);
                if (adds.incrementAndGet() == 1) {
                    throw new IllegalStateException("killed after the first draft");
                }
                return added;
            }
        };
        try {
            node("node-a", ScraperSettings.Mode.REVIEW, dying).runIfDue();
        } catch (IllegalStateException killed) {
            // the process died here: no run recorded, the lease released by the finally (or its expiry)
        }
        assertThat(store.runs(10)).isEmpty();
        ScraperRun rerun = node("node-b", ScraperSettings.Mode.REVIEW, store).runIfDue().orElseThrow();
        assertThat(rerun.draftsCreated()).isEqualTo(1);
        assertThat(store.drafts(Status.PENDING, 10)).extracting(ScrapedDraft::sourcePostId)
                .containsExactlyInAnyOrder("a", "b");
    }

    @Test
    void an_operator_approves_a_draft_into_a_draft_bounty_of_the_platform_or_rejects_it_once() {
        moltbook.add(post("a", "someone should build a prompt linter", 50, Duration.ofHours(2)));
        moltbook.add(post("b", "bounty idea: a diff tool for JSON documents", 1, Duration.ofHours(4)));
        node("node-a", ScraperSettings.Mode.REVIEW, store).runNow().orElseThrow();
        var drafts = store.drafts(Status.PENDING, 10);
        var review = reviewing(store);

        var approved = review.approve(new ApproveDraftCommand(drafts.get(0).id(), "ops", null, Usdc.ofWhole(7), null))
                .orThrow();
        var bounty = sys.core.browsing().bounty(approved.bountyId()).orThrow();
        assertThat(bounty.status()).isEqualTo(BountyStatus.DRAFT);
        assertThat(bounty.poster()).isEqualTo(platform);
        assertThat(bounty.terms().reward()).isEqualTo(Usdc.ofWhole(7));
        assertThat(review.reject(new RejectDraftCommand(drafts.get(0).id(), "ops", "changed my mind")))
                .isInstanceOf(io.moldtank.ports.in.Outcome.Refused.class);
        assertThat(review.reject(new RejectDraftCommand(drafts.get(1).id(), "ops", "not a real wish")).orThrow().status())
                .isEqualTo(Status.REJECTED);
    }

    @Test
    void the_auto_mode_posts_and_funds_drafts_until_the_days_budget_is_spent() {
        moltbook.add(post("a", "someone should build a prompt linter", 50, Duration.ofHours(2)));
        moltbook.add(post("b", "bounty idea: a diff tool for JSON documents", 30, Duration.ofHours(4)));
        ScraperRun run = node("node-a", ScraperSettings.Mode.AUTO, store).runNow().orElseThrow();

        var posted = store.drafts(Status.POSTED, 10);
        assertThat(posted).as("both score over 20 (15 USDC each): the second would pass the 20 USDC budget").hasSize(1);
        assertThat(sys.core.browsing().bounty(posted.get(0).bountyId()).orThrow().status()).isEqualTo(BountyStatus.OPEN);
        assertThat(store.drafts(Status.PENDING, 10)).hasSize(1);
        assertThat(run.errors()).anySatisfy(e -> assertThat(e).contains("daily budget"));
    }
}
