package io.moldtank.ports.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.moldtank.domain.agent.AgentId;
import io.moldtank.domain.agent.AgentProfile;
import io.moldtank.domain.agent.WalletAddress;
import io.moldtank.domain.job.*;
import io.moldtank.domain.ledger.LedgerRefusal;
import io.moldtank.domain.listing.ListingId;
import io.moldtank.domain.money.BasisPoints;
import io.moldtank.domain.money.FeeSchedule;
import io.moldtank.domain.money.Usdc;
import io.moldtank.ports.in.Outcome;
import io.moldtank.ports.in.agent.RegisterAgentCommand;
import io.moldtank.ports.in.job.*;
import io.moldtank.ports.in.listing.CreateListingCommand;
import io.moldtank.ports.in.review.PostReviewCommand;
import io.moldtank.ports.in.wallet.CreditDepositCommand;
import io.moldtank.ports.in.wallet.WithdrawCommand;
import io.moldtank.ports.memory.InMemoryTreasury;
import io.moldtank.ports.out.storage.Books;
import io.moldtank.ports.service.RegisteringAgents;
import io.moldtank.ports.service.Registry;
import io.moldtank.ports.service.RegistryStorage;
import io.moldtank.ports.service.Storage;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * The registry's services, unchanged, over any storage: a job from listing to review with explicit
 * fees and a hidden result, a refused funding, and the wallet. Written once; run on the in-memory,
 * H2 and PostgreSQL stores. Adapters may add their own checks of what was stored through the hooks.
 */
public interface RegistryFlowContract {

    /** A fresh, empty store, seen through both bundles (one instance behind both). */
    Stores stores();

    record Stores(Storage storage, RegistryStorage registry) {
    }

    /** Called after the completed-job flow; adapters check what they stored. */
    default void afterCompletedJob() {
    }

    /** Called after the deposit-and-withdrawal flow. */
    default void afterWithdrawals() {
    }

    /** The services wired as the app wires them, with a test clock, sequential ids and standard fees. */
    final class World {
        public final TestClock clock = new TestClock(Instant.parse("2026-11-24T12:00:00Z"));
        public final InMemoryTreasury treasury = new InMemoryTreasury();
        public final Registry registry;
        public final Books books;
        private final RegisteringAgents agents;

        public World(Stores stores) {
            AtomicLong ids = new AtomicLong();
            registry = Registry.wire(stores.registry(), treasury, new FeeSchedule("standard", BasisPoints.of(500),
                    Usdc.parse("0.10"), Usdc.parse("0.05")), clock, () -> new UUID(0x10B, ids.incrementAndGet()));
            books = stores.registry().books();
            agents = new RegisteringAgents(stores.storage(), clock, UUID::randomUUID);
        }

        public AgentId agent(int n) {
            return agents.register(new RegisterAgentCommand(wallet(n), new AgentProfile("agent-" + n, "", null, null)))
                    .orThrow().id();
        }

        public static WalletAddress wallet(int n) {
            return new WalletAddress(String.format("0x%040x", n));
        }

        /** The agent's wallet sends USDC to the treasury and the agent reports the transfer. */
        public void deposit(AgentId agent, int wallet, String amount) {
            String tx = treasury.receive(wallet(wallet), Usdc.parse(amount));
            registry.wallets().credit(new CreditDepositCommand(agent, tx)).orThrow();
        }
    }

    @Test
    default void a_job_runs_from_listing_to_review_with_explicit_fees_and_a_hidden_result() {
        World w = new World(stores());
        Registry r = w.registry;
        AgentId seller = w.agent(1), client = w.agent(2);
        w.deposit(client, 2, "100");
        w.deposit(seller, 1, "1");
        ListingId listing = r.listings().create(new CreateListingCommand(seller, "Summarise papers", "",
                Usdc.parse("20"), Set.of("nlp"))).orThrow().id();
        JobId job = r.jobs().propose(new ProposeJobCommand(client, listing)).orThrow().id();
        r.jobs().accept(new JobMove(seller, job)).orThrow();
        r.jobs().fund(new JobMove(client, job)).orThrow();
        r.jobs().start(new JobMove(seller, job)).orThrow();
        r.jobs().deliver(new DeliverJobCommand(seller, job, new JobResult("the summary"))).orThrow();

        assertThat(r.jobs().job(new JobMove(client, job)).orThrow().result()).isInstanceOf(ResultView.Redacted.class);
        assertThat(r.jobs().job(new JobMove(w.agent(3), job))).isInstanceOf(Outcome.NotFound.class);
        r.jobs().verify(new VerifyJobCommand(client, job, Verdict.PASSED)).orThrow();
        assertThat(r.jobs().job(new JobMove(client, job)).orThrow().result())
                .isEqualTo(new ResultView.Visible(new JobResult("the summary")));

        // client: 100 - 20 price - 0.05 verification; seller: 1 - 0.10 storage + 20 - 5% cut
        assertThat(r.wallets().balance(client).orThrow()).isEqualTo(Usdc.parse("79.95"));
        assertThat(r.wallets().balance(seller).orThrow()).isEqualTo(Usdc.parse("19.90"));
        assertThat(w.books.totals().balanced()).isTrue();
        r.reviews().post(new PostReviewCommand(client, job, 5, "great")).orThrow();
        assertThat(r.reviews().post(new PostReviewCommand(client, job, 1, "again"))).isInstanceOf(Outcome.Refused.class);
        assertThat(r.reviews().reviewsOf(seller, 10)).singleElement().extracting(x -> x.rating()).isEqualTo(5);
        afterCompletedJob();
    }

    @Test
    default void funding_without_the_balance_is_refused_and_the_job_stays_agreed() {
        World w = new World(stores());
        Registry r = w.registry;
        AgentId seller = w.agent(1), client = w.agent(2);
        ListingId listing = r.listings().create(new CreateListingCommand(seller, "Translate", "", Usdc.parse("5"),
                Set.of())).orThrow().id();
        JobId job = r.jobs().propose(new ProposeJobCommand(client, listing)).orThrow().id();
        r.jobs().accept(new JobMove(seller, job)).orThrow();
        assertThat(r.jobs().fund(new JobMove(client, job))).isInstanceOfSatisfying(Outcome.Refused.class,
                x -> assertThat(x.reason()).isEqualTo(LedgerRefusal.INSUFFICIENT_FUNDS));
        assertThat(r.jobs().job(new JobMove(client, job)).orThrow().status()).isEqualTo(JobStatus.AGREED);
        assertThat(w.books.totals().balanced()).isTrue();
    }

    @Test
    default void a_deposit_is_credited_once_and_a_withdrawal_holds_then_posts() {
        World w = new World(stores());
        Registry r = w.registry;
        AgentId a = w.agent(1);
        String tx = w.treasury.receive(World.wallet(1), Usdc.parse("10"));
        r.wallets().credit(new CreditDepositCommand(a, tx)).orThrow();
        r.wallets().credit(new CreditDepositCommand(a, tx)).orThrow();
        assertThat(r.wallets().balance(a).orThrow()).isEqualTo(Usdc.parse("10"));
        assertThat(r.wallets().credit(new CreditDepositCommand(w.agent(2), tx))).isInstanceOf(Outcome.Refused.class);

        assertThat(r.wallets().withdraw(new WithdrawCommand(a, Usdc.parse("4"))).orThrow()).startsWith("0x");
        assertThat(r.wallets().balance(a).orThrow()).isEqualTo(Usdc.parse("6"));
        assertThat(r.wallets().withdraw(new WithdrawCommand(a, Usdc.parse("7")))).isInstanceOf(Outcome.Refused.class);
        assertThat(w.treasury.balance()).isEqualTo(Usdc.parse("6"));
        afterWithdrawals();
    }
}
