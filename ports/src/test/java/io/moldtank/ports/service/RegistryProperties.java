package io.moldtank.ports.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.moldtank.domain.agent.AgentId;
import io.moldtank.domain.job.JobId;
import io.moldtank.domain.job.JobResult;
import io.moldtank.domain.job.Verdict;
import io.moldtank.domain.ledger.Account;
import io.moldtank.domain.listing.ListingId;
import io.moldtank.domain.money.Usdc;
import io.moldtank.ports.contract.RegistryFlowContract;
import io.moldtank.ports.in.Outcome;
import io.moldtank.ports.in.job.*;
import io.moldtank.ports.in.listing.CreateListingCommand;
import io.moldtank.ports.in.wallet.CreditDepositCommand;
import io.moldtank.ports.in.wallet.WithdrawCommand;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import net.jqwik.api.*;
import net.jqwik.api.state.Action;
import net.jqwik.api.state.ActionChain;
import net.jqwik.api.state.Transformer;

/**
 * Random deposits, listings, job moves by random agents, and withdrawals through the registry
 * services. After every step the ledger balances, no agent, escrow or fee account is below zero,
 * and the treasury on chain holds exactly what the internal accounts say it owes.
 */
class RegistryProperties {

    static final class World {
        final RegistryFlowContract.World sys = new RegistryFlowContract.World(RegistryFlowTest.inMemory());
        final List<AgentId> agents = new ArrayList<>();
        final List<ListingId> listings = new ArrayList<>();
        final List<JobId> jobs = new ArrayList<>();

        World() {
            for (int n = 1; n <= 3; n++) {
                agents.add(sys.agent(n));
            }
        }

        @Override
        public String toString() {
            return "World(" + jobs.size() + " jobs)";
        }
    }

    @Property(tries = 150)
    void money_is_conserved_and_the_ledger_balances_after_every_step(@ForAll("chains") ActionChain<World> chain) {
        chain.withInvariant("ledger balanced, nothing negative, treasury matches", RegistryProperties::conserved).run();
    }

    @Provide
    Arbitrary<ActionChain<World>> chains() {
        Arbitrary<Integer> who = Arbitraries.integers().between(0, 2);
        return ActionChain.startWith(World::new)
                .withAction(3, new Independent("deposit", Combinators.combine(who, Arbitraries.integers().between(1, 50))
                        .as((a, amount) -> w -> w.sys.deposit(w.agents.get(a), a + 1, String.valueOf(amount)))))
                .withAction(2, new Independent("list", Combinators.combine(who, Arbitraries.integers().between(1, 30))
                        .as((a, price) -> w -> w.listings.add(w.sys.registry.listings().create(new CreateListingCommand(
                                w.agents.get(a), "Service " + price, "", Usdc.ofWhole(price), Set.of())).orThrow().id()))))
                .withAction(3, new OnList<>("propose", w -> w.listings, (w, l, a) -> {
                    if (w.sys.registry.jobs().propose(new ProposeJobCommand(w.agents.get(a), l))
                            instanceof Outcome.Done<JobView> d) {
                        w.jobs.add(d.value().id());
                    }
                }))
                .withAction(8, new OnList<>("move", w -> w.jobs, (w, j, a) -> move(w, j, w.agents.get(a))))
                .withAction(2, new Independent("withdraw", Combinators.combine(who, Arbitraries.integers().between(1, 40))
                        .as((a, amount) -> w -> w.sys.registry.wallets().withdraw(new WithdrawCommand(w.agents.get(a),
                                Usdc.ofWhole(amount))))))
                .withMaxTransformations(40);
    }

    /** Every move by every agent: most are refused, and refusals must change nothing. */
    static void move(World w, JobId job, AgentId by) {
        var jobs = w.sys.registry.jobs();
        var m = new JobMove(by, job);
        for (var step : List.<java.util.function.Supplier<Outcome<JobView>>>of(() -> jobs.accept(m), () -> jobs.fund(m),
                () -> jobs.start(m), () -> jobs.deliver(new DeliverJobCommand(by, job, new JobResult("done"))),
                () -> jobs.verify(new VerifyJobCommand(by, job, job.value().getLeastSignificantBits() % 2 == 0
                        ? Verdict.PASSED : Verdict.FAILED)), () -> jobs.cancel(m))) {
            if (step.get() instanceof Outcome.Done<JobView>) {
                return;
            }
        }
    }

    static void conserved(World w) {
        assertThat(w.sys.books.totals().balanced()).isTrue();
        long owed = 0;
        for (AgentId a : w.agents) {
            owed += w.sys.registry.wallets().balance(a).orThrow().units();
        }
        for (Account acc : accounts(w)) {
            assertThat(acc.net()).as(acc.id() + " never below zero").isGreaterThanOrEqualTo(0);
            owed += acc.kind().name().equals("AGENT_AVAILABLE") ? 0 : acc.net();
        }
        // escrow and fees plus agent balances are what the treasury holds for them (withdrawals post at once here)
        assertThat(w.sys.treasury.balance().units()).isEqualTo(owed);
    }

    static List<Account> accounts(World w) {
        List<Account> out = new ArrayList<>();
        for (JobId j : w.jobs) {
            w.sys.books.account(io.moldtank.domain.job.JobAccounts.STANDARD.escrow(j)).ifPresent(out::add);
        }
        w.sys.books.account(io.moldtank.domain.job.JobAccounts.STANDARD.platformFees()).ifPresent(out::add);
        return out;
    }

    record Independent(String name, Arbitrary<java.util.function.Consumer<World>> moves)
            implements Action.Independent<World> {
        @Override
        public Arbitrary<Transformer<World>> transformer() {
            return moves.map(m -> Transformer.mutate(name, m));
        }
    }

    interface Move<T> {
        void apply(World w, T target, int agent);
    }

    record OnList<T>(String name, java.util.function.Function<World, List<T>> list, Move<T> move)
            implements Action.Dependent<World> {
        @Override
        public boolean precondition(World w) {
            return !list.apply(w).isEmpty();
        }

        @Override
        public Arbitrary<Transformer<World>> transformer(World w) {
            return Combinators.combine(Arbitraries.of(list.apply(w)), Arbitraries.integers().between(0, 2))
                    .as((t, a) -> Transformer.mutate(name + " " + t + " by " + a, world -> move.apply(world, t, a)));
        }
    }
}
