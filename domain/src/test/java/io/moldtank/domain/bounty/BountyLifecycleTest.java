package io.moldtank.domain.bounty;

import static io.moldtank.domain.bounty.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.moldtank.domain.money.Usdc;
import io.moldtank.domain.shared.Reason;
import io.moldtank.domain.shared.Rejection;
import io.moldtank.domain.validation.QuorumPolicy;
import java.time.Duration;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

class BountyLifecycleTest {

    private static void refused(ThrowingCallable call, Reason reason) {
        assertThatThrownBy(call).isInstanceOfSatisfying(Rejection.class, r -> assertThat(r.reason()).isEqualTo(reason));
    }

    @Test
    void a_bounty_opens_only_after_its_deposit_is_confirmed() {
        Bounty b = draftBounty();
        assertThat(b.status()).isEqualTo(BountyStatus.DRAFT);
        refused(() -> b.confirmDeposit(REWARD, "0xtx", NOW), BountyRefusal.ILLEGAL_TRANSITION);
        b.requestDeposit(POSTER, NOW);
        assertThat(b.status()).isEqualTo(BountyStatus.AWAITING_DEPOSIT);
        b.confirmDeposit(REWARD, "0xtx", NOW);
        assertThat(b.status()).isEqualTo(BountyStatus.OPEN);
        assertThat(b.held()).isEqualTo(REWARD);
        assertThat(b.pullEvents()).hasSize(3);
    }

    @Test
    void confirming_the_recorded_deposit_again_changes_nothing_and_another_deposit_is_refused() {
        Bounty b = draftBounty();
        b.requestDeposit(POSTER, NOW);
        b.confirmDeposit(REWARD, "0xtx", NOW);
        b.pullEvents();
        b.confirmDeposit(REWARD, "0xTX", NOW.plusSeconds(1));
        assertThat(b.status()).isEqualTo(BountyStatus.OPEN);
        assertThat(b.pullEvents()).as("no second Opened event").isEmpty();
        refused(() -> b.confirmDeposit(REWARD, "0xother", NOW), BountyRefusal.ILLEGAL_TRANSITION);
    }

    @Test
    void a_deposit_that_does_not_match_the_reward_is_refused_and_changes_nothing() {
        Bounty b = draftBounty();
        b.requestDeposit(POSTER, NOW);
        refused(() -> b.confirmDeposit(Usdc.ofWhole(99), "0xtx", NOW), BountyRefusal.DEPOSIT_MISMATCH);
        assertThat(b.status()).isEqualTo(BountyStatus.AWAITING_DEPOSIT);
        assertThat(b.held()).isEqualTo(Usdc.ZERO);
    }

    @Test
    void a_deadline_in_the_past_is_refused_at_draft() {
        refused(() -> Bounty.draft(new BountyId(java.util.UUID.randomUUID()), POSTER,
                terms(QuorumPolicy.ONE_OF_ONE), DEADLINE.plusSeconds(1)), BountyRefusal.DEADLINE_IN_PAST);
    }

    @Test
    void only_the_poster_may_request_the_deposit_cancel_or_refund() {
        Bounty b = draftBounty();
        refused(() -> b.requestDeposit(agent(2), NOW), BountyRefusal.NOT_POSTER);
        refused(() -> b.cancel(agent(2), NOW), BountyRefusal.NOT_POSTER);
    }

    @Test
    void submissions_get_increasing_sequence_numbers() {
        Bounty b = openBounty();
        assertThat(b.submit(submissionId(1), agent(2), content("a").hash(), NOW).sequence()).isEqualTo(1);
        assertThat(b.submit(submissionId(2), agent(3), content("a").hash(), NOW).sequence()).isEqualTo(2);
        assertThat(b.submit(submissionId(3), agent(2), content("b").hash(), NOW).sequence()).isEqualTo(3);
    }

    @Test
    void the_same_content_from_the_same_agent_is_a_duplicate() {
        Bounty b = openBounty();
        b.submit(submissionId(1), agent(2), content("a").hash(), NOW);
        refused(() -> b.submit(submissionId(2), agent(2), content("a").hash(), NOW), BountyRefusal.DUPLICATE_SUBMISSION);
        assertThat(b.slots()).hasSize(1);
    }

    @Test
    void the_poster_cannot_solve_their_own_bounty_and_nobody_submits_after_the_deadline() {
        Bounty b = openBounty();
        refused(() -> b.submit(submissionId(1), POSTER, content("a").hash(), NOW), BountyRefusal.OWN_BOUNTY);
        refused(() -> b.submit(submissionId(1), agent(2), content("a").hash(), DEADLINE), BountyRefusal.DEADLINE_PASSED);
    }

    @Test
    void cancelling_is_refused_once_a_submission_exists() {
        Bounty b = openBounty();
        b.submit(submissionId(1), agent(2), content("a").hash(), NOW);
        refused(() -> b.cancel(POSTER, NOW), BountyRefusal.CANCEL_WITH_SUBMISSIONS);
        assertThat(b.status()).isEqualTo(BountyStatus.OPEN);
    }

    @Test
    void a_cancelled_funded_bounty_keeps_its_deposit_in_escrow_until_the_refund_window() {
        Bounty b = openBounty();
        b.cancel(POSTER, NOW);
        assertThat(b.status()).isEqualTo(BountyStatus.CANCELLED);
        assertThat(b.held()).isEqualTo(REWARD);
        refused(() -> b.refund(POSTER, NOW), BountyRefusal.REFUND_TOO_EARLY);
        b.refund(POSTER, DEADLINE.plus(Bounty.REFUND_GRACE));
        assertThat(b.refunded()).isEqualTo(REWARD);
        assertThat(b.held()).isEqualTo(Usdc.ZERO);
    }

    @Test
    void a_cancelled_unfunded_bounty_has_nothing_to_refund() {
        Bounty b = draftBounty();
        b.cancel(POSTER, NOW);
        refused(() -> b.refund(POSTER, DEADLINE.plus(Duration.ofDays(2))), BountyRefusal.ILLEGAL_TRANSITION);
    }

    @Test
    void a_pass_awards_the_bounty_once_and_payment_keeps_its_tx_hash() {
        Bounty b = openBounty();
        b.submit(submissionId(1), agent(2), content("a").hash(), NOW);
        assertThat(b.recordVerdict(submissionId(1), true, NOW)).isPresent();
        assertThat(b.status()).isEqualTo(BountyStatus.AWARDED);
        refused(() -> b.recordVerdict(submissionId(1), true, NOW), BountyRefusal.VERDICT_ALREADY_FINAL);
        b.markPaid("0xpaid", NOW);
        assertThat(b.status()).isEqualTo(BountyStatus.PAID);
        assertThat(b.released()).isEqualTo(REWARD);
        refused(() -> b.markPaid("0xagain", NOW), BountyRefusal.ILLEGAL_TRANSITION);
    }

    @Test
    void a_later_pass_waits_for_an_earlier_pending_submission() {
        Bounty b = openBounty();
        b.submit(submissionId(1), agent(2), content("a").hash(), NOW);
        b.submit(submissionId(2), agent(3), content("b").hash(), NOW);
        assertThat(b.recordVerdict(submissionId(2), true, NOW)).isEmpty();
        assertThat(b.status()).isEqualTo(BountyStatus.OPEN);
        assertThat(b.recordVerdict(submissionId(1), false, NOW)).get()
                .extracting(BountyEvent.Awarded::submissionId).isEqualTo(submissionId(2));
    }

    @Test
    void expiry_needs_the_deadline_and_no_outstanding_verdicts() {
        Bounty b = openBounty();
        b.submit(submissionId(1), agent(2), content("a").hash(), NOW);
        refused(() -> b.expire(NOW), BountyRefusal.DEADLINE_NOT_PASSED);
        refused(() -> b.expire(DEADLINE), BountyRefusal.VALIDATIONS_PENDING);
        b.recordVerdict(submissionId(1), false, NOW);
        b.expire(DEADLINE);
        assertThat(b.status()).isEqualTo(BountyStatus.EXPIRED);
    }

    @Test
    void a_refund_before_deadline_plus_24h_is_refused() {
        Bounty b = openBounty();
        b.expire(DEADLINE);
        refused(() -> b.refund(POSTER, DEADLINE.plus(Duration.ofHours(23))), BountyRefusal.REFUND_TOO_EARLY);
        b.refund(POSTER, DEADLINE.plus(Bounty.REFUND_GRACE));
        assertThat(b.status()).isEqualTo(BountyStatus.REFUNDED);
        assertThat(b.refunded()).isEqualTo(REWARD);
    }

    @Test
    void an_awarded_bounty_cannot_be_refunded() {
        Bounty b = openBounty();
        b.submit(submissionId(1), agent(2), content("a").hash(), NOW);
        b.recordVerdict(submissionId(1), true, NOW);
        refused(() -> b.refund(POSTER, DEADLINE.plus(Duration.ofDays(2))), BountyRefusal.ALREADY_AWARDED);
    }

    @Test
    void a_snapshot_restores_the_same_bounty() {
        Bounty b = openBounty();
        b.submit(submissionId(1), agent(2), content("a").hash(), NOW);
        assertThat(Bounty.restore(b.snapshot()).snapshot()).isEqualTo(b.snapshot());
    }
}
