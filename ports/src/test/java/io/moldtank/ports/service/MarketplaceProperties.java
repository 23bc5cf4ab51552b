package io.moldtank.ports.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.moldtank.domain.agent.AgentId;
import io.moldtank.domain.bounty.*;
import io.moldtank.domain.money.Usdc;
import io.moldtank.domain.payout.Payout;
import io.moldtank.domain.payout.PayoutStatus;
import io.moldtank.domain.validation.QuorumPolicy;
import io.moldtank.ports.in.Outcome;
import io.moldtank.ports.in.bounty.*;
import io.moldtank.ports.in.submission.SubmitSolutionCommand;
import io.moldtank.ports.memory.InMemoryEscrow;
import io.moldtank.ports.out.storage.BountyQuery;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import net.jqwik.api.*;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.state.Action;
import net.jqwik.api.state.ActionChain;
import net.jqwik.api.state.Transformer;

/**
 * Random create / fund / submit / validate / pay / cancel / expire / refund / time-travel chains over
 * a fresh in-memory MoldTank. After every step: no illegal state, one winner at most and the right
 * one, and money conserved between the domain and the (mock) chain.
 */
class MarketplaceProperties {

    /** The system plus what the test needs to remember: posters and their wallet numbers. */
    static final class World {
        final InMemorySystem sys = new InMemorySystem(3);
        final List<AgentId> agents = new ArrayList<>();
        final Map<AgentId, Integer> walletOf = new java.util.HashMap<>();
        final List<BountyId> bounties = new ArrayList<>();

        World() {
            for (int n = 1; n <= 4; n++) {
                AgentId id = sys.register(n, n == 4 ? "https://solver.example/pay" : null);
                agents.add(id);
                walletOf.put(id, n);
            }
        }

        List<BountySnapshot> snapshots() {
            return bounties.stream().map(id -> sys.core.browsing().bounty(id).orThrow()).toList();
        }

        @Override
        public String toString() {
            return "World" + snapshots().stream().map(b -> b.status().name()).toList();
        }
    }

    @Property(tries = 150)
    void no_chain_of_actions_breaks_the_rules_or_loses_money(@ForAll("chains") ActionChain<World> chain) {
        World end = chain.withInvariant("money is conserved", MarketplaceProperties::moneyConserved)
                .withInvariant("one winner, and the right one", MarketplaceProperties::fifoWinner)
                .run();
        end.snapshots().forEach(b -> Statistics.label("bounty status").collect(b.status()));
        end.sys.close();
        // the chains must actually reach the interesting states, or the invariants prove little
        Statistics.label("bounty status").coverage(c -> {
            for (BountyStatus st : List.of(BountyStatus.OPEN, BountyStatus.AWARDED, BountyStatus.PAID,
                    BountyStatus.CANCELLED, BountyStatus.EXPIRED, BountyStatus.REFUNDED)) {
                c.check(st).count(n -> n > 0);
            }
        });
    }

    @Provide
    Arbitrary<ActionChain<World>> chains() {
        return ActionChain.startWith(World::new)
                .withAction(3, new Create())
                .withAction(5, pick("fund", (w, b) -> fund(w, b)))
                .withAction(4, new Submit())
                .withAction(4, Action.just("validate", w -> {
                    w.sys.core.validating().validateNext("worker");
                    return w;
                }))
                .withAction(3, Action.just("pay", w -> {
                    w.sys.core.payingOut().processDue(10);
                    return w;
                }))
                .withAction(1, pick("cancel", (w, b) -> w.sys.core.posting()
                        .cancel(new CancelBountyCommand(posterOf(w, b), b))))
                .withAction(1, Action.just("expire", w -> {
                    w.sys.core.closing().expireDue(100);
                    return w;
                }))
                .withAction(1, pick("refund", MarketplaceProperties::refund))
                .withAction(2, new Advance())
                .withMaxTransformations(40);
    }

    // --- actions ---------------------------------------------------------------------------------

    static final class Create implements Action.Independent<World> {
        @Override
        public Arbitrary<Transformer<World>> transformer() {
            return Combinators.combine(Arbitraries.longs().between(1, 5_000_000_000L), Arbitraries.of(
                            QuorumPolicy.ONE_OF_ONE, QuorumPolicy.TWO_OF_THREE), Arbitraries.integers().between(0, 3),
                    Arbitraries.integers().between(1, 72))
                    .as((units, quorum, poster, hours) -> Transformer.mutate("create " + Usdc.ofUnits(units) + " "
                            + quorum, w -> {
                        var terms = w.sys.terms(Usdc.ofUnits(units), Duration.ofHours(hours), quorum);
                        var out = w.sys.core.posting().post(new PostBountyCommand(w.agents.get(poster), terms));
                        if (out instanceof Outcome.Done<BountySnapshot> d) {
                            w.bounties.add(d.value().id());
                        }
                    }));
        }
    }

    static final class Submit implements Action.Dependent<World> {
        @Override
        public boolean precondition(World w) {
            return !w.bounties.isEmpty();
        }

        @Override
        public Arbitrary<Transformer<World>> transformer(World w) {
            return Combinators.combine(Arbitraries.of(w.bounties), Arbitraries.integers().between(0, 3),
                            Arbitraries.of("pass-a", "pass-b", "fail-a", "fail-b", "error-a"))
                    .as((b, solver, text) -> Transformer.mutate("submit " + text + " by " + solver + " to " + b,
                            world -> expectNoBug(world.sys.core.submitting().submit(new SubmitSolutionCommand(b,
                                    world.agents.get(solver), world.sys.content(text))))));
        }
    }

    static final class Advance implements Action.Independent<World> {
        @Override
        public Arbitrary<Transformer<World>> transformer() {
            return Arbitraries.of(Duration.ofSeconds(1), Duration.ofSeconds(20), Duration.ofHours(1),
                            Duration.ofDays(1), Duration.ofDays(3))
                    .map(d -> Transformer.mutate("advance " + d, w -> w.sys.clock.advance(d)));
        }
    }

    interface OnBounty {
        Object apply(World w, BountyId b);
    }

    static Action.Dependent<World> pick(String name, OnBounty move) {
        return new Action.Dependent<>() {
            @Override
            public boolean precondition(World w) {
                return !w.bounties.isEmpty();
            }

            @Override
            public Arbitrary<Transformer<World>> transformer(World w) {
                return Arbitraries.of(w.bounties).map(b -> Transformer.mutate(name + " " + b, world -> {
                    Object out = move.apply(world, b);
                    if (out instanceof Outcome<?> o) {
                        expectNoBug(o);
                    }
                }));
            }
        };
    }

    static AgentId posterOf(World w, BountyId b) {
        return w.sys.core.browsing().bounty(b).orThrow().poster();
    }

    static Object fund(World w, BountyId b) {
        BountySnapshot s = w.sys.core.browsing().bounty(b).orThrow();
        var asked = w.sys.core.funding().requestDeposit(new RequestDepositCommand(s.poster(), b));
        if (!(asked instanceof Outcome.Done<DepositInstructions>) || s.status() == BountyStatus.OPEN) {
            return asked;
        }
        var wallet = InMemorySystem.wallet(w.walletOf.get(s.poster()));
        w.sys.escrow.mint(wallet, s.terms().reward());
        String tx = w.sys.escrow.deposit(b, wallet, s.terms().reward());
        return w.sys.core.funding().confirmDeposit(new ConfirmDepositCommand(b, tx)).orThrow();
    }

    /** The poster's refund on chain follows the platform's agreement, as a client would do it. */
    static Object refund(World w, BountyId b) {
        AgentId poster = posterOf(w, b);
        var out = w.sys.core.closing().refund(new RefundBountyCommand(poster, b));
        if (out instanceof Outcome.Done<BountySnapshot> d && !d.value().deposited().isZero()) {
            w.sys.escrow.refund(b, InMemorySystem.wallet(w.walletOf.get(poster)));
        }
        return out;
    }

    /** A refusal is a legal answer; a not-found for an id we created is a bug. */
    static void expectNoBug(Outcome<?> o) {
        assertThat(o).isNotInstanceOf(Outcome.NotFound.class);
    }

    // --- invariants ------------------------------------------------------------------------------

    static void moneyConserved(World w) {
        InMemoryEscrow chain = w.sys.escrow;
        List<InMemoryEscrow.Tx> txs = chain.transactions();
        Function<InMemoryEscrow.Kind, Usdc> total = k -> txs.stream().filter(t -> t.kind() == k)
                .map(InMemoryEscrow.Tx::amount).reduce(Usdc.ZERO, Usdc::plus);
        Usdc wallets = w.walletOf.values().stream().map(n -> chain.balanceOf(InMemorySystem.wallet(n)))
                .reduce(chain.balanceOf(InMemorySystem.PLATFORM), Usdc::plus);
        assertThat(wallets.plus(chain.held())).as("tokens are neither created nor lost").isEqualTo(chain.minted());

        List<BountySnapshot> all = w.snapshots();
        Usdc deposited = Usdc.ZERO, held = Usdc.ZERO, released = Usdc.ZERO, refunded = Usdc.ZERO;
        for (BountySnapshot s : all) {
            Bounty b = Bounty.restore(s);
            deposited = deposited.plus(b.deposited());
            held = held.plus(b.held());
            released = released.plus(b.released());
            refunded = refunded.plus(b.refunded());
        }
        assertThat(held.plus(released).plus(refunded)).as("deposited = released + refunded + held").isEqualTo(deposited);
        assertThat(total.apply(InMemoryEscrow.Kind.DEPOSIT)).as("every chain deposit is a bounty's").isEqualTo(deposited);
        assertThat(total.apply(InMemoryEscrow.Kind.REFUND)).isEqualTo(refunded);
        Usdc inFlight = all.stream().filter(s -> s.status() == BountyStatus.AWARDED)
                .map(s -> w.sys.core.browsing().payoutOf(s.id()))
                .filter(o -> o instanceof Outcome.Done<Payout> d && d.value().status() == PayoutStatus.SENT)
                .map(o -> ((Outcome.Done<Payout>) o).value().amount()).reduce(Usdc.ZERO, Usdc::plus);
        Usdc releasedOnChain = total.apply(InMemoryEscrow.Kind.RELEASE);
        assertThat(releasedOnChain).as("chain releases = paid + in flight").isEqualTo(released.plus(inFlight));
        assertThat(chain.held()).isEqualTo(held.minus(inFlight));
    }

    static void fifoWinner(World w) {
        Map<BountyId, Long> releases = w.sys.escrow.transactions().stream()
                .filter(t -> t.kind() == InMemoryEscrow.Kind.RELEASE)
                .collect(Collectors.groupingBy(InMemoryEscrow.Tx::bountyId, Collectors.counting()));
        assertThat(releases.values()).as("a bounty's funds leave once").allMatch(n -> n == 1);
        for (BountySnapshot s : w.snapshots()) {
            if (s.status() == BountyStatus.AWARDED || s.status() == BountyStatus.PAID) {
                SubmissionSlot winner = s.slots().stream().filter(x -> x.submissionId().equals(s.winner()))
                        .findFirst().orElseThrow();
                assertThat(winner.standing()).isEqualTo(Standing.PASSED);
                assertThat(s.slots()).filteredOn(x -> x.sequence() < winner.sequence())
                        .allMatch(x -> x.standing() == Standing.FAILED);
                Payout p = w.sys.core.browsing().payoutOf(s.id()).orThrow();
                assertThat(p.submissionId()).isEqualTo(s.winner());
                assertThat(p.winner()).isEqualTo(winner.agent());
            } else {
                assertThat(s.winner()).isNull();
                assertThat(w.sys.core.browsing().payoutOf(s.id())).isInstanceOf(Outcome.NotFound.class);
            }
        }
        assertThat(w.sys.core.browsing().bounties(BountyQuery.firstPage(100)).items()).hasSize(w.bounties.size());
    }
}
