package io.moldtank.domain.job;

import static io.moldtank.domain.job.JobFixture.CHECK;
import static io.moldtank.domain.job.JobFixture.CLIENT;
import static io.moldtank.domain.job.JobFixture.JOB;
import static io.moldtank.domain.job.JobFixture.PARTIES;
import static io.moldtank.domain.job.JobFixture.RESULT;
import static io.moldtank.domain.job.JobFixture.SELLER;
import static io.moldtank.domain.job.JobFixture.STRANGER;
import static io.moldtank.domain.job.JobFixture.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.moldtank.domain.ledger.TransferCode;
import io.moldtank.domain.money.BasisPoints;
import io.moldtank.domain.money.FeeSchedule;
import io.moldtank.domain.money.Usdc;
import io.moldtank.domain.shared.Rejection;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.state.ActionChain;
import net.jqwik.api.state.Transformer;

/**
 * A delivered sandbox-checked job under random asks, worker claims, sandbox errors, verdicts from
 * current and superseded attempts, lapsed leases and operator requeues. Whatever the order, the fee
 * is charged once, escrow is released or refunded at most once, refused moves change nothing, and
 * the money adds up after every step.
 */
class CheckedJobProperties {
    private static final CheckPolicy POLICY = new CheckPolicy(3, Duration.ofMinutes(6), Duration.ofSeconds(5));

    /** The job, its ledger, the clock the workers read and the attempts workers hold. */
    static final class World {
        final Usdc price;
        final FeeSchedule fees;
        final Job job;
        final JobBook book;
        final List<Integer> claims = new ArrayList<>();
        /** A sandbox that mostly fails, so some runs use up their attempts. */
        final boolean flaky;
        Instant now = T0;
        boolean everDeadLettered;

        World(Usdc price, FeeSchedule fees, boolean flaky) {
            this.flaky = flaky;
            this.price = price;
            this.fees = fees;
            this.job = Job.propose(JOB, PARTIES, price, fees, CHECK, T0);
            this.book = new JobBook(JOB, CLIENT, price.plus(fees.verificationFee()), SELLER, fees.storageFee());
            job.accept(SELLER, T0);
            job.fund(CLIENT, T0);
            job.start(SELLER, T0);
            job.deliver(SELLER, RESULT, T0);
            book.settle(job);
        }

        void noteDeadLetter() {
            everDeadLettered |= job.checkRun().map(r -> r.state() == CheckRun.State.DEAD_LETTERED).orElse(false);
        }

        long transfers(TransferCode code) {
            return book.jobTransfers.stream().filter(t -> t.request().code() == code).count();
        }

        @Override
        public String toString() {
            return "World[" + price + ", " + fees + ", " + job.status() + ", " + job.checkRun() + "]";
        }
    }

    @Property(tries = 250)
    void the_fee_is_charged_once_and_escrow_settles_once_whatever_the_workers_do(@ForAll("runs") ActionChain<World> chain) {
        chain.withInvariant("ledger balanced", w -> assertThat(w.book.ledger.totals().balanced()).isTrue())
            .withInvariant("fee once, from the ask on", CheckedJobProperties::feeOnce)
            .withInvariant("escrow released or refunded at most once", CheckedJobProperties::escrowOnce)
            .withInvariant("money conserved", CheckedJobProperties::moneyConserved)
            .withInvariant("the verdict decides the ending", CheckedJobProperties::endingMatchesVerdict)
            .run();
        World end = chain.finalState().orElseThrow();
        Statistics.label("ending").collect(end.job.status());
        Statistics.label("dead-lettered").collect(end.everDeadLettered);
        // guard against generators that never get far: both endings and a dead letter must be common
        Statistics.label("ending").coverage(c -> {
            c.check(JobStatus.COMPLETED).percentage(p -> p > 5);
            c.check(JobStatus.FAILED).percentage(p -> p > 5);
        });
        Statistics.label("dead-lettered").coverage(c -> c.check(true).percentage(p -> p > 1));
    }

    @Provide
    Arbitrary<ActionChain<World>> runs() {
        Arbitrary<Usdc> amounts = Arbitraries.longs().between(0, 10_000_000_000L).map(Usdc::ofUnits);
        return Combinators.combine(amounts.filter(a -> !a.isZero()), Arbitraries.integers().between(0, 10_000), amounts,
                amounts, Arbitraries.of(false, true)).flatAs((price, bps, storage, verification, flaky) -> ActionChain
                .startWith(() -> new World(price, new FeeSchedule("random", BasisPoints.of(bps), storage, verification),
                        flaky))
                .withAction((net.jqwik.api.state.Action.Dependent<World>) CheckedJobProperties::actions)
                .withMaxTransformations(30));
    }

    private static Arbitrary<Transformer<World>> actions(World w) {
        // mostly the latest claim (the worker still running), sometimes an older or made-up one
        Arbitrary<Integer> claim = w.claims.isEmpty() ? Arbitraries.integers().between(1, 4)
                : Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(3, Arbitraries.just(w.claims.getLast())),
                        net.jqwik.api.Tuple.of(1, Arbitraries.of(w.claims)),
                        net.jqwik.api.Tuple.of(1, Arbitraries.integers().between(1, 4)));
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(3, Arbitraries.of(CLIENT, CLIENT, SELLER, STRANGER).map(a ->
                        attempt("ask by " + a, w.job.status() == JobStatus.DELIVERED && a.equals(CLIENT),
                                x -> x.job.requestCheck(a, x.now)))),
                net.jqwik.api.Tuple.of(1, Arbitraries.of(Verdict.class).map(v ->
                        attempt("client's verdict " + v, false, x -> x.job.verify(CLIENT, v, x.now)))),
                net.jqwik.api.Tuple.of(3, Arbitraries.of(1L, 4L, 5L, 20L, 360L, 400L).map(s ->
                        Transformer.mutate("wait " + s + " s", (World x) -> x.now = x.now.plusSeconds(s)))),
                net.jqwik.api.Tuple.of(4, Arbitraries.just(Transformer.mutate("a worker claims", (World x) -> {
                    int a = x.job.startCheckAttempt(x.now, POLICY);
                    if (a > 0) {
                        x.claims.add(a);
                    }
                    x.book.settle(x.job);
                    x.noteDeadLetter();
                }))),
                net.jqwik.api.Tuple.of(w.flaky ? 10 : 2, claim.map(c -> attempt("sandbox error on attempt " + c, running(w, c),
                        x -> x.job.failCheckAttempt(c, "sandbox failed", x.now, POLICY)))),
                net.jqwik.api.Tuple.of(w.flaky ? 1 : 3, Combinators.combine(claim, Arbitraries.of(Verdict.class)).as((c, v) ->
                        attempt(v + " from attempt " + c, running(w, c), x -> x.job.decideCheck(c,
                                new CheckVerdict(v, v == Verdict.PASSED ? null : "tests-failed", "", Map.of(), Map.of(),
                                        Duration.ZERO, x.now))))),
                // a worker that claims and meets a broken sandbox at once: how checks use up their attempts
                net.jqwik.api.Tuple.of(w.flaky ? 6 : 1, Arbitraries.just(Transformer.mutate("a worker claims, the sandbox fails",
                        (World x) -> {
                            int a = x.job.startCheckAttempt(x.now, POLICY);
                            if (a > 0) {
                                x.claims.add(a);
                                x.job.failCheckAttempt(a, "sandbox failed", x.now, POLICY);
                            }
                            x.book.settle(x.job);
                            x.noteDeadLetter();
                        }))),
                net.jqwik.api.Tuple.of(1, Arbitraries.just(attempt("operator requeues", w.job.checkRun()
                        .map(r -> r.state() == CheckRun.State.DEAD_LETTERED).orElse(false), x -> x.job.requeueCheck(x.now)))));
    }

    private static boolean running(World w, int attempt) {
        return w.job.checkRun().map(r -> r.state() == CheckRun.State.RUNNING && r.attempts() == attempt).orElse(false);
    }

    /** A move the world's state decides in advance: legal ones succeed, the rest are refused and change nothing. */
    private static Transformer<World> attempt(String name, boolean legal, java.util.function.Consumer<World> move) {
        return Transformer.mutate(name, (World w) -> {
            if (legal) {
                move.accept(w);
                w.book.settle(w.job);
                w.noteDeadLetter();
            } else {
                JobSnapshot before = w.job.snapshot();
                assertThatThrownBy(() -> move.accept(w)).isInstanceOf(Rejection.class);
                assertThat(w.job.snapshot()).isEqualTo(before);
                assertThat(w.job.events().peek()).isEmpty();
            }
        });
    }

    private static void feeOnce(World w) {
        boolean asked = w.job.status() != JobStatus.DELIVERED;
        long expected = asked && !w.fees.verificationFee().isZero() ? 1 : 0;
        assertThat(w.transfers(TransferCode.VERIFICATION_FEE)).isEqualTo(expected);
    }

    private static void escrowOnce(World w) {
        long releases = w.transfers(TransferCode.ESCROW_RELEASE) + w.transfers(TransferCode.PLATFORM_CUT);
        long refunds = w.transfers(TransferCode.ESCROW_REFUND);
        assertThat(refunds).isLessThanOrEqualTo(1);
        assertThat(releases).isLessThanOrEqualTo(2);
        assertThat(releases == 0 || refunds == 0).isTrue();
        assertThat(w.book.escrow(JOB)).isEqualTo(w.job.status().escrowFunded() ? w.price.units() : 0);
    }

    private static void moneyConserved(World w) {
        long clientOut = w.book.flow(w.book.accounts.available(CLIENT), null);
        long clientIn = w.book.flow(null, w.book.accounts.available(CLIENT));
        long sellerNet = w.book.flow(null, w.book.accounts.available(SELLER))
                - w.book.flow(w.book.accounts.available(SELLER), null);
        long platformIn = w.book.flow(null, w.book.accounts.platformFees());
        assertThat(clientOut).isEqualTo(sellerNet + platformIn + clientIn + w.book.escrow(JOB));
        switch (w.job.status()) {
            case COMPLETED -> assertThat(sellerNet)
                    .isEqualTo(w.fees.splitPrice(w.price).net().units() - w.fees.storageFee().units());
            case FAILED -> assertThat(clientIn).isEqualTo(w.price.units());
            default -> { }
        }
    }

    private static void endingMatchesVerdict(World w) {
        var run = w.job.checkRun();
        switch (w.job.status()) {
            case COMPLETED, FAILED -> assertThat(run.orElseThrow().verdict().outcome())
                    .isEqualTo(w.job.status() == JobStatus.COMPLETED ? Verdict.PASSED : Verdict.FAILED);
            case VERIFYING -> assertThat(run.orElseThrow().state()).isNotEqualTo(CheckRun.State.DONE);
            case DELIVERED -> assertThat(run).isEmpty();
            default -> throw new AssertionError("a delivered checked job cannot become " + w.job.status());
        }
    }
}
