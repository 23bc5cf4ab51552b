package io.moldtank.ports.service;

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
import io.moldtank.ports.contract.TestClock;
import io.moldtank.ports.in.Outcome;
import io.moldtank.ports.in.agent.RegisterAgentCommand;
import io.moldtank.ports.in.job.*;
import io.moldtank.ports.in.listing.CreateListingCommand;
import io.moldtank.ports.in.review.PostReviewCommand;
import io.moldtank.ports.in.wallet.CreditDepositCommand;
import io.moldtank.ports.in.wallet.WithdrawCommand;
import io.moldtank.ports.memory.InMemoryStorage;
import io.moldtank.ports.memory.InMemoryTreasury;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RegistryFlowTest {
    final TestClock clock = new TestClock(Instant.parse("2026-11-24T12:00:00Z"));
    final AtomicLong ids = new AtomicLong();
    final InMemoryStorage storage = new InMemoryStorage();
    final InMemoryTreasury treasury = new InMemoryTreasury();
    final FeeSchedule fees = new FeeSchedule("standard", BasisPoints.of(500), Usdc.parse("0.10"), Usdc.parse("0.05"));
    final Registry registry = Registry.wire(RegistryStorage.of(storage), treasury, fees, clock,
            () -> new UUID(0x10B, ids.incrementAndGet()));
    final RegisteringAgents agents = new RegisteringAgents(Storage.of(storage), clock, () -> UUID.randomUUID());

    AgentId agent(int n) {
        return agents.register(new RegisterAgentCommand(wallet(n), new AgentProfile("agent-" + n, "", null, null)))
                .orThrow().id();
    }

    static WalletAddress wallet(int n) {
        return new WalletAddress(String.format("0x%040x", n));
    }

    void deposit(AgentId agent, int wallet, String amount) {
        String tx = treasury.receive(wallet(wallet), Usdc.parse(amount));
        registry.wallets().credit(new CreditDepositCommand(agent, tx)).orThrow();
    }

    @Test
    void a_job_runs_from_listing_to_completion_with_explicit_fees_and_a_hidden_result() {
        AgentId seller = agent(1), client = agent(2);
        deposit(client, 2, "100");
        deposit(seller, 1, "1");
        ListingId listing = registry.listings().create(new CreateListingCommand(seller, "Summarise papers", "",
                Usdc.parse("20"), Set.of("nlp"))).orThrow().id();
        JobId job = registry.jobs().propose(new ProposeJobCommand(client, listing)).orThrow().id();
        registry.jobs().accept(new JobMove(seller, job)).orThrow();
        registry.jobs().fund(new JobMove(client, job)).orThrow();
        registry.jobs().start(new JobMove(seller, job)).orThrow();
        registry.jobs().deliver(new DeliverJobCommand(seller, job, new JobResult("the summary"))).orThrow();

        assertThat(registry.jobs().job(new JobMove(client, job)).orThrow().result()).isInstanceOf(ResultView.Redacted.class);
        assertThat(registry.jobs().job(new JobMove(agent(3), job))).isInstanceOf(Outcome.NotFound.class);
        registry.jobs().verify(new VerifyJobCommand(client, job, Verdict.PASSED)).orThrow();
        assertThat(registry.jobs().job(new JobMove(client, job)).orThrow().result())
                .isEqualTo(new ResultView.Visible(new JobResult("the summary")));

        // client: 100 - 20 price - 0.05 verification; seller: 1 - 0.10 storage + 20 - 5% cut
        assertThat(registry.wallets().balance(client).orThrow()).isEqualTo(Usdc.parse("79.95"));
        assertThat(registry.wallets().balance(seller).orThrow()).isEqualTo(Usdc.parse("19.90"));
        assertThat(storage.totals().balanced()).isTrue();
        registry.reviews().post(new PostReviewCommand(client, job, 5, "great")).orThrow();
        assertThat(registry.reviews().post(new PostReviewCommand(client, job, 1, "again")))
                .isInstanceOf(Outcome.Refused.class);
        assertThat(registry.reviews().reviewsOf(seller, 10)).singleElement().extracting(r -> r.rating()).isEqualTo(5);
    }

    @Test
    void funding_without_the_balance_is_refused_and_leaves_the_job_agreed() {
        AgentId seller = agent(1), client = agent(2);
        ListingId listing = registry.listings().create(new CreateListingCommand(seller, "Translate", "",
                Usdc.parse("5"), Set.of())).orThrow().id();
        JobId job = registry.jobs().propose(new ProposeJobCommand(client, listing)).orThrow().id();
        registry.jobs().accept(new JobMove(seller, job)).orThrow();
        assertThat(registry.jobs().fund(new JobMove(client, job))).isInstanceOfSatisfying(Outcome.Refused.class,
                r -> assertThat(r.reason()).isEqualTo(LedgerRefusal.INSUFFICIENT_FUNDS));
        assertThat(registry.jobs().job(new JobMove(client, job)).orThrow().status()).isEqualTo(JobStatus.AGREED);
        assertThat(storage.totals().balanced()).isTrue();
    }

    @Test
    void a_deposit_is_credited_once_and_a_withdrawal_holds_then_posts() {
        AgentId a = agent(1);
        String tx = treasury.receive(wallet(1), Usdc.parse("10"));
        registry.wallets().credit(new CreditDepositCommand(a, tx)).orThrow();
        registry.wallets().credit(new CreditDepositCommand(a, tx)).orThrow();
        assertThat(registry.wallets().balance(a).orThrow()).isEqualTo(Usdc.parse("10"));
        assertThat(registry.wallets().credit(new CreditDepositCommand(agent(2), tx)))
                .isInstanceOf(Outcome.Refused.class);

        assertThat(registry.wallets().withdraw(new WithdrawCommand(a, Usdc.parse("4"))).orThrow()).startsWith("0x");
        assertThat(registry.wallets().balance(a).orThrow()).isEqualTo(Usdc.parse("6"));
        assertThat(registry.wallets().withdraw(new WithdrawCommand(a, Usdc.parse("7"))))
                .isInstanceOf(Outcome.Refused.class);
        assertThat(treasury.balance()).isEqualTo(Usdc.parse("6"));
    }
}
