package io.moldtank.ports.contract;

import static io.moldtank.ports.contract.StorageFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.moldtank.domain.agent.Agent;
import io.moldtank.domain.agent.AgentStatus;
import io.moldtank.domain.bounty.*;
import io.moldtank.domain.money.Usdc;
import io.moldtank.domain.payout.Payout;
import io.moldtank.domain.payout.PayoutStatus;
import io.moldtank.domain.payout.RetrySchedule;
import io.moldtank.domain.validation.QuorumPolicy;
import io.moldtank.domain.validation.Vote;
import io.moldtank.ports.out.storage.BountyQuery;
import io.moldtank.ports.out.storage.Page;
import io.moldtank.ports.out.storage.StaleWrite;
import io.moldtank.ports.service.Storage;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The storage ports' contract, written once: the in-memory reference, H2 and PostgreSQL adapters all
 * implement this interface and must pass every test. Each call of {@link #storage()} gives an empty store.
 */
public interface StorageContract {

    Storage storage();

    private static Agent saved(Storage s, int n) {
        Agent a = agent(n);
        s.agents().saveAgent(a);
        return s.agents().agentById(a.id()).orElseThrow();
    }

    @Test
    default void a_saved_bounty_loads_back_identical_with_its_version_increased() {
        Storage s = storage();
        Agent poster = saved(s, 1);
        Bounty b = openBounty(poster.id(), 250, T0, "python");
        b.submit(new SubmissionId(UUID.randomUUID()), agent(2).id(), content("x").hash(), T0.plusSeconds(5));
        s.saveBounty().saveBounty(b);
        Bounty loaded = s.loadBounty().loadBounty(b.id()).orElseThrow();
        assertThat(loaded.snapshot()).isEqualTo(b.snapshot().withVersion(1));
        assertThat(s.loadBounty().loadBounty(new BountyId(UUID.randomUUID()))).isEmpty();
    }

    @Test
    default void a_stale_save_is_refused_and_changes_nothing() {
        Storage s = storage();
        Agent poster = saved(s, 1);
        Bounty b = openBounty(poster.id(), 10, T0, "go");
        s.saveBounty().saveBounty(b);
        Bounty first = s.loadBounty().loadBounty(b.id()).orElseThrow();
        Bounty second = s.loadBounty().loadBounty(b.id()).orElseThrow();
        first.submit(new SubmissionId(UUID.randomUUID()), agent(2).id(), content("a").hash(), T0);
        s.saveBounty().saveBounty(first);
        second.cancel(poster.id(), T0);
        assertThatThrownBy(() -> s.saveBounty().saveBounty(second)).isInstanceOf(StaleWrite.class);
        Bounty stored = s.loadBounty().loadBounty(b.id()).orElseThrow();
        assertThat(stored.status()).isEqualTo(BountyStatus.OPEN);
        assertThat(stored.slots()).hasSize(1);
    }

    @Test
    default void inserting_a_bounty_id_twice_is_a_stale_write() {
        Storage s = storage();
        Bounty b = openBounty(saved(s, 1).id(), 10, T0, "go");
        s.saveBounty().saveBounty(b);
        assertThatThrownBy(() -> s.saveBounty().saveBounty(b)).isInstanceOf(StaleWrite.class);
    }

    @Test
    default void a_failed_transaction_leaves_nothing_behind() {
        Storage s = storage();
        Agent poster = saved(s, 1);
        Bounty b = openBounty(poster.id(), 10, T0, "go");
        assertThatThrownBy(() -> s.tx().inTransaction(() -> {
            s.saveBounty().saveBounty(b);
            s.payouts().addPayout(payout(b.id(), poster.id()));
            s.events().publish(List.of(new BountyEvent.Expired(b.id(), T0)));
            throw new IllegalStateException("crash between award and outbox");
        })).hasMessageContaining("crash");
        assertThat(s.loadBounty().loadBounty(b.id())).isEmpty();
        assertThat(s.payouts().payoutOf(b.id())).isEmpty();
    }

    @Test
    default void a_committed_transaction_keeps_everything() {
        Storage s = storage();
        Agent poster = saved(s, 1);
        Bounty b = openBounty(poster.id(), 10, T0, "go");
        s.tx().inTransaction(() -> {
            s.saveBounty().saveBounty(b);
            return s.payouts().addPayout(payout(b.id(), poster.id()));
        });
        assertThat(s.loadBounty().loadBounty(b.id())).isPresent();
        assertThat(s.payouts().payoutOf(b.id())).isPresent();
    }

    @Test
    default void bounties_are_filtered_sorted_and_paged_without_gaps_or_repeats() {
        Storage s = storage();
        Agent poster = saved(s, 1);
        List<Bounty> all = new ArrayList<>();
        for (int i = 0; i < 13; i++) {
            Bounty b = openBounty(poster.id(), 10 + (i * 7) % 11, T0.plusSeconds(i), i % 3 == 0 ? "rust" : "java");
            s.saveBounty().saveBounty(b);
            all.add(b);
        }
        List<BountyId> newest = new ArrayList<>();
        String cursor = null;
        do {
            Page<BountySnapshot> page = s.findBounties().findBounties(
                    new BountyQuery(BountyStatus.OPEN, null, null, null, BountyQuery.Sort.NEWEST, cursor, 4));
            page.items().forEach(b -> newest.add(b.id()));
            cursor = page.next();
        } while (cursor != null);
        assertThat(newest).containsExactlyElementsOf(all.reversed().stream().map(Bounty::id).toList());

        var rust = s.findBounties().findBounties(new BountyQuery(null, "rust", null, null, null, null, 100)).items();
        assertThat(rust).hasSize(5).allMatch(b -> b.terms().tags().contains("rust"));
        var mid = s.findBounties().findBounties(new BountyQuery(null, null, Usdc.ofWhole(12), Usdc.ofWhole(15),
                BountyQuery.Sort.REWARD_DESC, null, 100)).items();
        assertThat(mid).isNotEmpty().allMatch(b -> b.terms().reward().units() >= 12_000_000
                && b.terms().reward().units() <= 15_000_000);
        assertThat(mid).isSortedAccordingTo((x, y) -> y.terms().reward().compareTo(x.terms().reward()));
    }

    @Test
    default void the_expiry_sweep_finds_open_bounties_past_their_deadline() {
        Storage s = storage();
        Agent poster = saved(s, 1);
        Bounty b = openBounty(poster.id(), 10, T0, "go");
        s.saveBounty().saveBounty(b);
        Instant deadline = b.terms().deadline();
        assertThat(s.findBounties().openPastDeadline(deadline.minusSeconds(1), 10)).isEmpty();
        assertThat(s.findBounties().openPastDeadline(deadline, 10)).containsExactly(b.id());
    }

    @Test
    default void submissions_keep_their_votes_and_come_back_in_sequence_order() {
        Storage s = storage();
        Agent poster = saved(s, 1);
        Bounty b = openBounty(poster.id(), 10, T0, "go");
        List<Submission> subs = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            var content = content("solution " + i);
            var slot = b.submit(new SubmissionId(UUID.randomUUID()), agent(10 + i).id(), content.hash(), T0.plusSeconds(i));
            subs.add(Submission.received(b.id(), slot, content));
        }
        s.saveBounty().saveBounty(b);
        for (Submission sub : subs.reversed()) {
            s.saveSubmission().saveSubmission(sub);
        }
        Submission first = s.loadSubmission().loadSubmission(subs.getFirst().id()).orElseThrow();
        int attempt = first.startAttempt(T0);
        first.recordRound(attempt, List.of(
                new Vote("tests", Vote.Kind.PASS, "3 passed", Map.of("exitCode", "0", "image", "sha256:abc"),
                        Duration.ofMillis(1234), T0),
                new Vote("claude", Vote.Kind.ERROR, "overloaded", Map.of(), Duration.ofSeconds(2), T0),
                new Vote("codex", Vote.Kind.PASS, "looks right", Map.of("why", "line 1\nline 2"), Duration.ZERO, T0)),
                QuorumPolicy.TWO_OF_THREE, 3, T0);
        s.saveSubmission().saveSubmission(first);

        Submission back = s.loadSubmission().loadSubmission(first.id()).orElseThrow();
        assertThat(back.snapshot()).isEqualTo(first.snapshot().withVersion(2));
        assertThat(s.loadSubmission().submissionsOf(b.id())).extracting(Submission::sequence).containsExactly(1L, 2L, 3L);
    }

    @Test
    default void a_bountys_submissions_come_in_pages_by_sequence_with_their_votes() {
        Storage s = storage();
        Bounty b = openBounty(saved(s, 1).id(), 10, T0, "go");
        List<Submission> subs = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            var content = content("paged " + i);
            var slot = b.submit(new SubmissionId(UUID.randomUUID()), agent(20 + i).id(), content.hash(), T0.plusSeconds(i));
            subs.add(Submission.received(b.id(), slot, content));
        }
        s.saveBounty().saveBounty(b);
        subs.forEach(sub -> s.saveSubmission().saveSubmission(sub));
        Submission voted = s.loadSubmission().loadSubmission(subs.get(2).id()).orElseThrow();
        voted.startAttempt(T0);
        voted.recordRound(1, List.of(new Vote("tests", Vote.Kind.PASS, "ok", Map.of(), Duration.ZERO, T0)),
                QuorumPolicy.ONE_OF_ONE, 3, T0);
        s.saveSubmission().saveSubmission(voted);

        assertThat(s.loadSubmission().submissionsOf(b.id(), 0, 2)).extracting(Submission::sequence).containsExactly(1L, 2L);
        List<Submission> middle = s.loadSubmission().submissionsOf(b.id(), 2, 2);
        assertThat(middle).extracting(Submission::sequence).containsExactly(3L, 4L);
        assertThat(middle.getFirst().snapshot().votes()).as("a page carries its votes").hasSize(1);
        assertThat(middle.get(1).snapshot().votes()).isEmpty();
        assertThat(s.loadSubmission().submissionsOf(b.id(), 4, 2)).extracting(Submission::sequence).containsExactly(5L);
        assertThat(s.loadSubmission().submissionsOf(b.id(), 5, 2)).isEmpty();
        assertThat(s.loadSubmission().submissionsOf(new BountyId(UUID.randomUUID()), 0, 2)).isEmpty();
    }

    @Test
    default void dead_lettered_submissions_are_listed_oldest_first_with_their_votes_and_nothing_else() {
        Storage s = storage();
        Bounty b = openBounty(saved(s, 1).id(), 10, T0, "go");
        List<Submission> subs = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            var content = content("dead " + i);
            var slot = b.submit(new SubmissionId(UUID.randomUUID()), agent(10 + i).id(), content.hash(), T0.plusSeconds(i));
            subs.add(Submission.received(b.id(), slot, content));
        }
        s.saveBounty().saveBounty(b);
        subs.forEach(s.saveSubmission()::saveSubmission);
        for (int i : new int[] {2, 0}) {
            Submission sub = s.loadSubmission().loadSubmission(subs.get(i).id()).orElseThrow();
            int attempt = sub.startAttempt(T0);
            sub.recordRound(attempt, List.of(new Vote("tests", Vote.Kind.ERROR, "sandbox down", Map.of(),
                    Duration.ZERO, T0)), QuorumPolicy.ONE_OF_ONE, 1, T0);
            s.saveSubmission().saveSubmission(sub);
        }

        List<Submission> dead = s.loadSubmission().deadLettered(10);
        assertThat(dead).extracting(Submission::id).containsExactly(subs.get(0).id(), subs.get(2).id());
        assertThat(dead).allSatisfy(d -> {
            assertThat(d.status()).isEqualTo(SubmissionStatus.DEAD_LETTERED);
            assertThat(d.snapshot().votes()).hasSize(1);
        });
        assertThat(s.loadSubmission().deadLettered(1)).extracting(Submission::id).containsExactly(subs.get(0).id());
    }

    @Test
    default void undecided_submissions_received_before_a_time_are_listed_oldest_first() {
        Storage s = storage();
        Bounty b = openBounty(saved(s, 1).id(), 10, T0, "go");
        List<Submission> subs = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            var content = content("undecided " + i);
            var slot = b.submit(new SubmissionId(UUID.randomUUID()), agent(20 + i).id(), content.hash(), T0.plusSeconds(i));
            subs.add(Submission.received(b.id(), slot, content));
        }
        s.saveBounty().saveBounty(b);
        subs.forEach(s.saveSubmission()::saveSubmission);
        Submission validating = s.loadSubmission().loadSubmission(subs.get(1).id()).orElseThrow();
        validating.startAttempt(T0.plusSeconds(5));
        s.saveSubmission().saveSubmission(validating);

        assertThat(s.loadSubmission().undecidedBefore(T0.plusSeconds(2), 10)).extracting(Submission::id)
                .as("queued or validating, received before the time").containsExactly(subs.get(0).id(), subs.get(1).id());
        assertThat(s.loadSubmission().undecidedBefore(T0.plusSeconds(10), 1)).extracting(Submission::id)
                .containsExactly(subs.get(0).id());
        assertThat(s.loadSubmission().undecidedBefore(T0, 10)).isEmpty();
    }

    @Test
    default void a_second_submission_under_a_taken_sequence_is_refused() {
        Storage s = storage();
        Bounty b = openBounty(saved(s, 1).id(), 10, T0, "go");
        var slot = b.submit(new SubmissionId(UUID.randomUUID()), agent(2).id(), content("a").hash(), T0);
        s.saveSubmission().saveSubmission(Submission.received(b.id(), slot, content("a")));
        var clash = new SubmissionSlot(1, new SubmissionId(UUID.randomUUID()), agent(3).id(), content("b").hash(), T0,
                Standing.PENDING);
        assertThatThrownBy(() -> s.saveSubmission().saveSubmission(Submission.received(b.id(), clash, content("b"))))
                .isInstanceOf(StaleWrite.class);
        assertThat(s.loadSubmission().submissionsOf(b.id())).hasSize(1);
    }

    @Test
    default void agents_are_found_by_id_and_wallet_and_a_wallet_registers_once() {
        Storage s = storage();
        Agent a = saved(s, 1);
        assertThat(s.agents().agentByWallet(a.wallet())).contains(a);
        Agent twin = new Agent(new io.moldtank.domain.agent.AgentId(UUID.randomUUID()), a.wallet(), a.profile(),
                AgentStatus.ACTIVE, T0, 0);
        assertThatThrownBy(() -> s.agents().saveAgent(twin)).isInstanceOf(StaleWrite.class);
        Agent gone = a.deactivate(a.id());
        s.agents().saveAgent(gone);
        assertThat(s.agents().agentById(a.id()).orElseThrow().status()).isEqualTo(AgentStatus.DEACTIVATED);
        assertThatThrownBy(() -> s.agents().saveAgent(gone)).isInstanceOf(StaleWrite.class);
    }

    @Test
    default void comments_page_oldest_first() {
        Storage s = storage();
        Agent a = saved(s, 1);
        Bounty b = openBounty(a.id(), 10, T0, "go");
        s.saveBounty().saveBounty(b);
        for (int i = 0; i < 5; i++) {
            s.comments().appendComment(new Comment(UUID.randomUUID(), b.id(), a.id(), "comment " + i, T0.plusSeconds(i)));
        }
        Page<Comment> first = s.comments().comments(b.id(), null, 3);
        Page<Comment> rest = s.comments().comments(b.id(), first.next(), 3);
        assertThat(first.items()).extracting(Comment::body).containsExactly("comment 0", "comment 1", "comment 2");
        assertThat(rest.items()).extracting(Comment::body).containsExactly("comment 3", "comment 4");
        assertThat(rest.next()).isNull();
    }

    @Test
    default void a_bounty_has_at_most_one_payout_and_the_outbox_hands_out_what_is_due() {
        Storage s = storage();
        Agent a = saved(s, 1);
        Bounty b = openBounty(a.id(), 10, T0, "go");
        s.saveBounty().saveBounty(b);
        Payout p = payout(b.id(), a.id());
        assertThat(s.payouts().addPayout(p)).isTrue();
        assertThat(s.payouts().addPayout(payout(b.id(), a.id()))).isFalse();
        assertThat(s.payouts().workable(T0, 10)).extracting(Payout::id).containsExactly(p.id());

        Payout stored = s.payouts().payout(p.id()).orElseThrow();
        Payout backedOff = stored.failed("node down", RetrySchedule.STANDARD, T0);
        s.payouts().savePayout(backedOff);
        assertThat(s.payouts().workable(T0, 10)).isEmpty();
        assertThat(s.payouts().workable(T0.plusSeconds(1), 10)).hasSize(1);
        assertThatThrownBy(() -> s.payouts().savePayout(backedOff)).isInstanceOf(StaleWrite.class);

        Payout sent = s.payouts().payout(p.id()).orElseThrow().sent("0x" + "e".repeat(64), T0.plusSeconds(1));
        s.payouts().savePayout(sent);
        Payout back = s.payouts().payoutOf(b.id()).orElseThrow();
        assertThat(back.status()).isEqualTo(PayoutStatus.SENT);
        assertThat(back.txHash()).isEqualTo("0x" + "e".repeat(64));
        assertThat(back.lastError()).isNull();
        assertThat(back.amount()).isEqualTo(Usdc.parse("12.345678"));
        assertThat(s.payouts().workable(T0, 10)).hasSize(1);
        assertThat(s.payouts().parked(10)).isEmpty();
    }
}
