package io.moldtank.domain.reputation;

import static io.moldtank.domain.reputation.Market.agent;
import static org.assertj.core.api.Assertions.assertThat;

import io.moldtank.domain.agent.AgentId;
import io.moldtank.domain.job.Job;
import io.moldtank.domain.job.JobMoneyFlows;
import io.moldtank.domain.job.JobStatus;
import io.moldtank.domain.money.Usdc;
import io.moldtank.domain.payout.PayoutStatus;
import io.moldtank.domain.reputation.CountedItem.Kind;
import io.moldtank.domain.reputation.Reputation.Exclusion;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReckoningTest {
    private final Market market = new Market();
    private final AgentId seller = market.agent(1, "key-1");
    private final AgentId client = market.agent(2, "key-2");
    private final AgentId twin = market.agent(3, "key-1"); // the seller's own second agent: same signing key

    private Reputation of(AgentId who) {
        return Reckoning.STANDARD.of(market.factsOf(who));
    }

    @Test
    void a_released_job_counts_for_both_sides_with_its_ledger_release_as_proof() {
        Job job = market.job(client, seller, Usdc.ofWhole(100), JobStatus.COMPLETED);

        Reputation s = of(seller);
        assertThat(s.jobsSold()).isEqualTo(1);
        assertThat(s.earned()).isEqualTo(Usdc.parse("97.5")); // less the 2.5 % cut
        assertThat(s.successRate()).contains(new BigDecimal("1.0000"));
        assertThat(s.items()).singleElement().satisfies(i -> {
            assertThat(i.kind()).isEqualTo(Kind.JOB_SOLD);
            assertThat(i.proof()).isEqualTo(CountedItem.Proof.ledger(
                    JobMoneyFlows.transferOf(job.id(), JobMoneyFlows.RELEASE).value()));
        });
        Reputation c = of(client);
        assertThat(c.jobsBought()).isEqualTo(1);
        assertThat(c.spent()).isEqualTo(Usdc.ofWhole(100));
        assertThat(c.checkedJobs()).isZero();
    }

    @Test
    void a_failed_job_is_a_checked_failure_for_the_seller_and_a_refund_for_the_client() {
        market.job(client, seller, Usdc.ofWhole(10), JobStatus.COMPLETED);
        market.job(client, seller, Usdc.ofWhole(10), JobStatus.FAILED);

        Reputation s = of(seller);
        assertThat(s.jobsSold()).isEqualTo(1);
        assertThat(s.jobsFailed()).isEqualTo(1);
        assertThat(s.checkedJobs()).isEqualTo(2);
        assertThat(s.successRate()).contains(new BigDecimal("0.5000"));
        assertThat(of(client).refundsReceived()).isEqualTo(1);
    }

    @Test
    void only_reviews_of_released_jobs_by_the_other_party_count() {
        Job paid = market.job(client, seller, Usdc.ofWhole(10), JobStatus.COMPLETED);
        Job failed = market.job(client, seller, Usdc.ofWhole(10), JobStatus.FAILED);
        Job cancelled = market.job(client, seller, Usdc.ofWhole(10), JobStatus.CANCELLED);
        market.review(paid, client, 5);
        market.review(failed, client, 1); // no escrow released: a cheap way to smear a seller
        market.forgedReview(cancelled, client, 1); // no money moved at all

        Reputation s = of(seller);
        assertThat(s.ratings()).isEqualTo(1);
        assertThat(s.averageRating()).contains(new BigDecimal("5.00"));
        assertThat(s.excluded()).containsEntry(Exclusion.REVIEW_NOT_COUNTED, 2)
                .containsEntry(Exclusion.NO_MONEY_MOVED, 1);
    }

    @Test
    void work_between_two_agents_of_one_party_counts_for_neither() {
        Job farmed = market.job(twin, seller, Usdc.ofWhole(500), JobStatus.COMPLETED);
        market.review(farmed, twin, 5);
        market.bounty(twin, seller, Usdc.ofWhole(50), PayoutStatus.CONFIRMED);

        Reputation s = of(seller);
        assertThat(s.jobsSold()).isZero();
        assertThat(s.ratings()).isZero();
        assertThat(s.bountiesWon()).isZero();
        assertThat(s.score()).isEqualTo(ReputationScore.STANDARD.neutral());
        assertThat(s.excluded()).containsEntry(Exclusion.SAME_PARTY, 2).containsEntry(Exclusion.REVIEW_NOT_COUNTED, 1);
    }

    @Test
    void a_moltbook_owner_shared_by_two_agents_makes_them_one_party() {
        AgentId a = agent(7);
        AgentId b = agent(8);
        var facts = new ReputationFacts(a, List.of(), List.of(
                new BountyFact(new io.moldtank.domain.bounty.BountyId(new java.util.UUID(1, 1)), b, a,
                        Usdc.ofWhole(5), PayoutStatus.CONFIRMED, "0xabc", Market.T0)), List.of(),
                Map.of(a, new PartyMarks("aa", "Alice"), b, new PartyMarks("bb", "alice")));

        assertThat(Reckoning.STANDARD.of(facts).bountiesWon()).isZero();
    }

    @Test
    void a_bounty_counts_once_its_payout_is_confirmed_with_a_transaction() {
        market.bounty(client, seller, Usdc.ofWhole(20), PayoutStatus.SENT);
        market.bounty(client, seller, Usdc.ofWhole(30), PayoutStatus.CONFIRMED);

        Reputation s = of(seller);
        assertThat(s.bountiesWon()).isEqualTo(1);
        assertThat(s.earned()).isEqualTo(Usdc.ofWhole(30));
        assertThat(of(client).bountiesPaid()).isEqualTo(1);
        assertThat(of(client).spent()).isEqualTo(Usdc.ofWhole(30));
    }

    @Test
    void a_status_that_claims_completion_without_the_ledger_release_counts_nothing() {
        Job job = market.job(client, seller, Usdc.ofWhole(10), JobStatus.COMPLETED);
        JobFact claimed = Market.fact(job); // COMPLETED, but no transfers behind it
        var facts = new ReputationFacts(seller, List.of(claimed), List.of(), market.reviews, market.marks);

        Reputation s = Reckoning.STANDARD.of(facts);
        assertThat(s.jobsSold()).isZero();
        assertThat(s.excluded()).containsEntry(Exclusion.NO_MONEY_MOVED, 1);
    }

    @Test
    void first_and_last_activity_are_the_times_of_the_counted_items() {
        market.job(client, seller, Usdc.ofWhole(1), JobStatus.CANCELLED);
        Job first = market.job(client, seller, Usdc.ofWhole(1), JobStatus.COMPLETED);
        market.job(client, seller, Usdc.ofWhole(1), JobStatus.COMPLETED);

        Reputation s = of(seller);
        assertThat(s.firstActivity()).contains(s.items().getFirst().at());
        assertThat(s.lastActivity()).contains(s.items().getLast().at());
        assertThat(s.firstActivity().orElseThrow()).isAfter(Market.T0);
        assertThat(s.items().getFirst().id()).isEqualTo(first.id().value());
    }
}
