package io.moldtank.domain.reputation;

import static org.assertj.core.api.Assertions.assertThat;

import io.moldtank.domain.agent.AgentId;
import io.moldtank.domain.job.Job;
import io.moldtank.domain.job.JobStatus;
import io.moldtank.domain.ledger.Transfer;
import io.moldtank.domain.ledger.TransferCode;
import io.moldtank.domain.ledger.TransferId;
import io.moldtank.domain.ledger.TransferState;
import io.moldtank.domain.money.Usdc;
import io.moldtank.domain.payout.PayoutStatus;
import io.moldtank.domain.reputation.CountedItem.Kind;
import io.moldtank.domain.review.Review;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

/**
 * An attacker farming reputation: besides honest work, a market full of jobs that never moved money
 * (cancelled, stuck before the verdict), reviews of them and of failed jobs (forged or not), work with
 * the agent's own second agent, and bounties whose payout never confirmed. Whatever the mix, the
 * reputation is exactly the one of the honest work alone, and every counted item has its payment in
 * the ledger or a confirmed payout.
 */
class ReckoningProperties {

    enum Move { SELL, BUY, SELL_TO_TWIN, BUY_FROM_TWIN, BOUNTY_WON, BOUNTY_POSTED, BOUNTY_WITH_TWIN }

    record Deal(Move move, long cents, JobStatus end, int rating, PayoutStatus payout, boolean forge) {
    }

    @Provide
    Arbitrary<Deal> deals() {
        return Combinators.combine(Arbitraries.of(Move.class), Arbitraries.longs().between(1, 500_000),
                // the market's jobs are checked by hand, so they never stop in VERIFYING
                Arbitraries.of(JobStatus.values()).filter(st -> st != JobStatus.VERIFYING), Arbitraries.integers().between(0, 5),
                Arbitraries.of(PayoutStatus.values()), Arbitraries.of(true, false)).as(Deal::new);
    }

    /** What one generated market holds, and which of it an honest count may see. */
    private static final class World {
        final Market market = new Market();
        final AgentId me = market.agent(1, "mine");
        final AgentId stranger = market.agent(2, "theirs");
        final AgentId twin = market.agent(3, "mine");
        final Set<UUID> honestJobs = new HashSet<>();
        final Set<UUID> honestReviews = new HashSet<>();
        final Set<UUID> honestBounties = new HashSet<>();

        World(List<Deal> deals) {
            deals.forEach(this::play);
        }

        private void play(Deal d) {
            Usdc price = Usdc.ofUnits(d.cents() * 10_000);
            switch (d.move()) {
                case SELL, BUY, SELL_TO_TWIN, BUY_FROM_TWIN -> {
                    boolean twin = d.move() == Move.SELL_TO_TWIN || d.move() == Move.BUY_FROM_TWIN;
                    AgentId other = twin ? this.twin : stranger;
                    boolean selling = d.move() == Move.SELL || d.move() == Move.SELL_TO_TWIN;
                    Job job = selling ? market.job(other, me, price, d.end()) : market.job(me, other, price, d.end());
                    boolean moved = d.end() == JobStatus.COMPLETED || d.end() == JobStatus.FAILED;
                    if (!twin && moved) {
                        honestJobs.add(job.id().value());
                    }
                    if (d.rating() > 0) {
                        Review r = moved && !d.forge() ? market.review(job, other, d.rating())
                                : market.forgedReview(job, other, d.rating());
                        if (!twin && d.end() == JobStatus.COMPLETED) {
                            honestReviews.add(r.id());
                        }
                    }
                }
                case BOUNTY_WON, BOUNTY_POSTED, BOUNTY_WITH_TWIN -> {
                    AgentId other = d.move() == Move.BOUNTY_WITH_TWIN ? twin : stranger;
                    BountyFact b = d.move() == Move.BOUNTY_POSTED ? market.bounty(me, other, price, d.payout())
                            : market.bounty(other, me, price, d.payout());
                    if (d.move() != Move.BOUNTY_WITH_TWIN && d.payout() == PayoutStatus.CONFIRMED) {
                        honestBounties.add(b.id().value());
                    }
                }
            }
        }

        ReputationFacts all() {
            return market.factsOf(me);
        }

        ReputationFacts honestOnly() {
            ReputationFacts f = all();
            return new ReputationFacts(me, f.jobs().stream().filter(j -> honestJobs.contains(j.id().value())).toList(),
                    f.bounties().stream().filter(b -> honestBounties.contains(b.id().value())).toList(),
                    f.reviews().stream().filter(r -> honestReviews.contains(r.id())).toList(), f.marks());
        }
    }

    @Property(tries = 300)
    void farming_without_money_or_with_ones_own_agents_changes_nothing(@ForAll @Size(max = 25) List<@From("deals") Deal> deals) {
        World w = new World(deals);
        Reputation everything = Reckoning.STANDARD.of(w.all());
        Reputation honest = Reckoning.STANDARD.of(w.honestOnly());

        assertThat(everything).usingRecursiveComparison().ignoringFields("excluded").isEqualTo(honest);
        assertThat(honest.excluded()).isEmpty();
    }

    @Property(tries = 300)
    void every_counted_item_is_backed_by_money_that_moved(@ForAll @Size(max = 25) List<@From("deals") Deal> deals) {
        World w = new World(deals);
        Reputation r = Reckoning.STANDARD.of(w.all());

        for (CountedItem item : r.items()) {
            assertThat(item.counterparty()).isNotEqualTo(w.twin).isNotEqualTo(w.me);
            switch (item.kind()) {
                case JOB_SOLD, JOB_BOUGHT, REVIEW -> assertThat(posted(w, item)).isEqualTo(TransferCode.ESCROW_RELEASE);
                case JOB_REFUNDED_BY_SELLER, JOB_REFUNDED_TO_CLIENT ->
                        assertThat(posted(w, item)).isEqualTo(TransferCode.ESCROW_REFUND);
                case BOUNTY_WON, BOUNTY_PAID -> assertThat(w.market.bounties).anySatisfy(b -> {
                    assertThat(b.id().value()).isEqualTo(item.id());
                    assertThat(b.payout()).isEqualTo(PayoutStatus.CONFIRMED);
                    assertThat(item.proof().ref()).isEqualTo(b.txHash());
                });
            }
        }
        long sold = r.items().stream().filter(i -> i.kind() == Kind.JOB_SOLD).count();
        assertThat(sold).isEqualTo(r.jobsSold());
        assertThat(r.score()).isBetween(0, ReputationScore.MAX);
    }

    private static TransferCode posted(World w, CountedItem item) {
        Transfer t = w.market.ledger.transfer(TransferId.parse(item.proof().ref())).orElseThrow();
        assertThat(t.state()).isEqualTo(TransferState.POSTED);
        return t.request().code();
    }
}
