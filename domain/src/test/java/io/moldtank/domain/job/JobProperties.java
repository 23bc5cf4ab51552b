package io.moldtank.domain.job;

import static io.moldtank.domain.job.JobFixture.JOB;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.moldtank.domain.agent.AgentId;
import io.moldtank.domain.money.BasisPoints;
import io.moldtank.domain.money.FeeSchedule;
import io.moldtank.domain.money.Usdc;
import io.moldtank.domain.shared.Rejection;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.state.Action;
import net.jqwik.api.state.ActionChain;
import net.jqwik.api.state.Transformer;

/**
 * Random moves by random agents (client, seller, stranger) under random prices and fees. The job
 * must follow the transition table exactly, refused moves must change nothing, and the money must
 * add up after every step.
 */
class JobProperties {
    private static final Arbitrary<AgentId> AGENTS =
        Arbitraries.of(JobFixture.CLIENT, JobFixture.SELLER, JobFixture.STRANGER);

    @Property(tries = 200)
    void no_path_reaches_an_illegal_state_and_money_is_conserved(@ForAll("paths") ActionChain<JobWorld> chain) {
        chain.withInvariant("status follows the table", w -> assertThat(w.job.status()).isEqualTo(w.expected))
            .withInvariant("a result exists exactly after delivery",
                w -> assertThat(w.job.snapshot().result().isPresent()).isEqualTo(w.job.status().hasResult()))
            .withInvariant("escrow holds the price exactly while funded", JobProperties::escrowMatchesStatus)
            .withInvariant("client paid in == seller received + fees + refunds", JobProperties::moneyConserved)
            .withInvariant("ledger balanced", w -> assertThat(w.book.ledger.totals().balanced()).isTrue())
            .run();
        Statistics.collect(chain.finalState().orElseThrow().job.status());
        // Guard against a generator that never gets far: both endings must be reached often.
        Statistics.coverage(c -> {
            c.check(JobStatus.COMPLETED).percentage(p -> p > 5);
            c.check(JobStatus.FAILED).percentage(p -> p > 5);
        });
    }

    @Provide
    Arbitrary<ActionChain<JobWorld>> paths() {
        Arbitrary<Usdc> amounts = Arbitraries.longs().between(0, 10_000_000_000L).map(Usdc::ofUnits);
        return Combinators.combine(amounts.filter(a -> !a.isZero()), Arbitraries.integers().between(0, 10_000),
                amounts, amounts)
            .flatAs((price, bps, storage, verification) -> ActionChain
                .startWith(() -> new JobWorld(price, new FeeSchedule("random", BasisPoints.of(bps), storage, verification)))
                .withAction(moves())
                .withMaxTransformations(20));
    }

    /** Mostly the next legal move by the right party (so paths get far), often anything by anyone. */
    private static Action.Dependent<JobWorld> moves() {
        return world -> {
            List<JobMove> next = Arrays.stream(JobMove.values()).filter(m -> m.from.contains(world.expected)).toList();
            Arbitrary<Transformer<JobWorld>> any = Combinators.combine(Arbitraries.of(JobMove.class), AGENTS)
                .as(JobProperties::transformer);
            if (next.isEmpty()) {
                return any;
            }
            Arbitrary<Transformer<JobWorld>> legal = Arbitraries.of(next).map(m -> transformer(m, m.rightParty()));
            return Arbitraries.frequencyOf(Tuple.of(3, legal), Tuple.of(1, any));
        };
    }

    private static Transformer<JobWorld> transformer(JobMove move, AgentId who) {
        return Transformer.mutate(move + " by " + who, (JobWorld w) -> attempt(w, move, who));
    }

    private static void attempt(JobWorld world, JobMove move, AgentId who) {
        boolean legal = move.mayBeMadeBy(who) && move.from.contains(world.expected);
        if (legal) {
            move.by(world.job, who);
            world.book.settle(world.job);
            world.expected = move.to;
        } else {
            JobSnapshot before = world.job.snapshot();
            assertThatThrownBy(() -> move.by(world.job, who)).isInstanceOf(Rejection.class);
            assertThat(world.job.snapshot()).isEqualTo(before);
            assertThat(world.job.events().peek()).isEmpty();
        }
    }

    private static void escrowMatchesStatus(JobWorld w) {
        long expected = w.job.status().escrowFunded() ? w.price.units() : 0;
        assertThat(w.book.escrow(JOB)).isEqualTo(expected);
    }

    private static void moneyConserved(JobWorld w) {
        assertThat(w.clientOut())
            .isEqualTo(w.sellerNet() + w.platformIn() + w.clientIn() + w.book.escrow(JOB));
        switch (w.job.status()) {
            case COMPLETED -> assertThat(w.sellerNet())
                .isEqualTo(w.fees.splitPrice(w.price).net().units() - w.fees.storageFee().units());
            case FAILED -> assertThat(w.clientIn()).isEqualTo(w.price.units());
            default -> { }
        }
    }
}
