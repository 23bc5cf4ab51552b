package io.moldtank.ports.contract;

import static io.moldtank.ports.contract.StorageFixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

import io.moldtank.domain.agent.Agent;
import io.moldtank.domain.agent.AgentId;
import io.moldtank.domain.agent.AgentProfile;
import io.moldtank.domain.agent.WalletAddress;
import io.moldtank.domain.bounty.Bounty;
import io.moldtank.ports.in.job.DeliverJobCommand;
import io.moldtank.domain.job.JobId;
import io.moldtank.domain.job.JobMoneyFlows;
import io.moldtank.domain.job.JobResult;
import io.moldtank.domain.job.JobStatus;
import io.moldtank.domain.job.Verdict;
import io.moldtank.domain.ledger.Transfer;
import io.moldtank.domain.listing.ListingId;
import io.moldtank.domain.moltbook.MoltbookIdentity;
import io.moldtank.domain.moltbook.MoltbookLink;
import io.moldtank.domain.money.Usdc;
import io.moldtank.domain.payout.Payout;
import io.moldtank.domain.payout.PayoutStatus;
import io.moldtank.domain.reputation.JobFact;
import io.moldtank.domain.reputation.Reckoning;
import io.moldtank.domain.reputation.Reputation;
import io.moldtank.domain.reputation.ReputationFacts;
import io.moldtank.ports.in.job.JobMove;
import io.moldtank.ports.in.job.ProposeJobCommand;
import io.moldtank.ports.in.job.VerifyJobCommand;
import io.moldtank.ports.in.listing.CreateListingCommand;
import io.moldtank.ports.in.review.PostReviewCommand;
import io.moldtank.ports.out.moltbook.MoltbookLinks;
import io.moldtank.ports.out.reputation.ReputationScores;
import io.moldtank.ports.out.reputation.ReputationSources;
import io.moldtank.ports.service.ReckoningReputation;
import io.moldtank.ports.service.RegistryStorage;
import io.moldtank.ports.service.ReputationOnEvents;
import io.moldtank.ports.service.ReputationOnReviews;
import io.moldtank.ports.service.Storage;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * What every reputation adapter gives: the facts of real flows run by the registry's services (a job to
 * its verdict, a review, a bounty payout), party marks, kept scores and the agents in order. Written
 * once; run on the in-memory, H2 and PostgreSQL stores.
 */
public interface ReputationContract {

    /** A fresh, empty store seen through every bundle (one instance behind all). */
    Parts parts();

    record Parts(Storage storage, RegistryStorage registry, ReputationSources sources, ReputationScores scores,
                 MoltbookLinks links) {
    }

    /**
     * The registry wired as the app wires it (verdicts and reviews refresh kept scores in their transaction),
     * with a seller holding 1 USDC for fees and a client holding 500.
     */
    final class Market {
        public final Parts parts;
        public final AgentId seller;
        public final AgentId client;
        public final List<String> refreshed = new ArrayList<>();
        public final ReckoningReputation reputation;
        public final RegistryFlowContract.World world;

        public Market(Parts p) {
            this.parts = p;
            TestClock clock = new TestClock(T0);
            reputation = new ReckoningReputation(p.registry().tx(), p.registry().agents(), p.sources(), p.scores(),
                    Reckoning.STANDARD, clock, refreshed::add);
            RegistryStorage r = p.registry();
            RegistryStorage wrapped = new RegistryStorage(r.tx(), r.agents(), r.listings(), r.jobs(),
                    new ReputationOnReviews(r.reviews(), reputation), r.books(),
                    new ReputationOnEvents(r.events(), reputation, p.storage().loadBounty(), p.storage().payouts()));
            world = new RegistryFlowContract.World(new RegistryFlowContract.Stores(p.storage(), wrapped));
            seller = world.agent(1);
            client = world.agent(2);
            world.deposit(client, 2, "500");
            world.deposit(seller, 1, "1");
        }

        /** A job from listing to the client's verdict (or delivered and left there when {@code verdict} is null). */
        public JobId job(AgentId client, AgentId seller, String price, Verdict verdict) {
            var reg = world.registry;
            ListingId listing = reg.listings().create(new CreateListingCommand(seller, "Work for " + price, "",
                    Usdc.parse(price), Set.of())).orThrow().id();
            JobId job = reg.jobs().propose(new ProposeJobCommand(client, listing)).orThrow().id();
            reg.jobs().accept(new JobMove(seller, job)).orThrow();
            reg.jobs().fund(new JobMove(client, job)).orThrow();
            reg.jobs().start(new JobMove(seller, job)).orThrow();
            reg.jobs().deliver(new DeliverJobCommand(seller, job, new JobResult("done"))).orThrow();
            if (verdict != null) {
                reg.jobs().verify(new VerifyJobCommand(client, job, verdict)).orThrow();
            }
            return job;
        }
    }

    private static JobFact jobIn(ReputationFacts facts, JobId id) {
        return facts.jobs().stream().filter(j -> j.id().equals(id)).findFirst().orElseThrow();
    }

    @Test
    default void facts_hold_a_released_job_with_its_ledger_transfers_and_the_review_of_it() {
        Market m = new Market(parts());
        AgentId seller = m.seller, client = m.client;
        JobId job = m.job(client, seller, "20", Verdict.PASSED);
        m.world.registry.reviews().post(new PostReviewCommand(client, job, 4, "fine")).orThrow();

        ReputationFacts facts = m.parts.sources().factsOf(seller);
        JobFact fact = jobIn(facts, job);
        assertThat(fact.status()).isEqualTo(JobStatus.COMPLETED);
        assertThat(fact.transfers()).extracting(Transfer::id).contains(
                JobMoneyFlows.transferOf(job, JobMoneyFlows.RELEASE),
                JobMoneyFlows.transferOf(job, JobMoneyFlows.PLATFORM_CUT));
        assertThat(facts.reviews()).singleElement().satisfies(r -> assertThat(r.rating()).isEqualTo(4));
        assertThat(facts.marks()).containsKeys(seller, client);

        Reputation rep = m.reputation.reputationOf(seller).orThrow();
        assertThat(rep.jobsSold()).isEqualTo(1);
        assertThat(rep.earned()).isEqualTo(Usdc.parse("19")); // 20 less the 5 % cut of the contract's fees
        assertThat(rep.ratings()).isEqualTo(1);
        assertThat(m.reputation.reputationOf(client).orThrow().spent()).isEqualTo(Usdc.parse("20"));
    }

    @Test
    default void a_verdict_and_a_review_refresh_the_kept_scores_in_their_own_transaction() {
        Market m = new Market(parts());
        AgentId seller = m.seller, client = m.client;
        JobId job = m.job(client, seller, "200", Verdict.PASSED);
        int afterVerdict = m.parts.scores().scores(List.of(seller)).get(seller);
        m.world.registry.reviews().post(new PostReviewCommand(client, job, 5, "superb")).orThrow();

        assertThat(afterVerdict).isGreaterThan(m.reputation.neutralScore());
        assertThat(m.parts.scores().scores(List.of(seller, client))).containsKeys(seller, client);
        assertThat(m.parts.scores().scores(List.of(seller)).get(seller)).isGreaterThan(afterVerdict)
                .isEqualTo(m.reputation.reputationOf(seller).orThrow().score());
        assertThat(m.refreshed).contains("event", "review");
    }

    @Test
    default void concurrent_reviews_of_one_seller_leave_the_score_a_fresh_reckoning_gives() throws Exception {
        Market m = new Market(parts());
        List<JobId> paid = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            paid.add(m.job(m.client, m.seller, "10", Verdict.PASSED));
        }
        var pool = java.util.concurrent.Executors.newFixedThreadPool(paid.size());
        try {
            var start = new java.util.concurrent.CountDownLatch(1);
            List<java.util.concurrent.Future<?>> reviews = new ArrayList<>();
            for (JobId job : paid) {
                reviews.add(pool.submit(() -> {
                    start.await();
                    return m.world.registry.reviews().post(new PostReviewCommand(m.client, job, 5, "")).orThrow();
                }));
            }
            start.countDown();
            for (var r : reviews) {
                r.get(30, java.util.concurrent.TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        // each review's refresh waited for the one before it, so the last one kept saw all six
        Reputation fresh = m.reputation.reputationOf(m.seller).orThrow();
        assertThat(fresh.ratings()).isEqualTo(6);
        assertThat(m.parts.scores().scores(List.of(m.seller))).containsEntry(m.seller, fresh.score());
    }

    @Test
    default void a_sweep_writes_only_kept_scores_that_are_wrong() {
        Market m = new Market(parts());
        AgentId idle = m.world.agent(3);
        m.parts.registry().tx().inTransaction(() -> {
            m.parts.scores().hold(m.seller, 25, T0);
            m.parts.scores().save(m.seller, 99, T0); // wrong: the seller has sold nothing
            return null;
        });

        assertThat(m.reputation.sweep(10)).isEqualTo(1);
        assertThat(m.parts.scores().scores(List.of(m.seller, m.client, idle)))
                .containsExactlyEntriesOf(java.util.Map.of(m.seller, m.reputation.neutralScore()));
        assertThat(m.reputation.sweep(10)).isZero(); // wrapped round: everything right now
        assertThat(m.refreshed).containsExactly("sweep");
    }

    @Test
    default void a_failed_job_comes_with_its_refund_and_a_job_left_undecided_not_at_all() {
        Market m = new Market(parts());
        AgentId seller = m.seller, client = m.client;
        JobId failed = m.job(client, seller, "10", Verdict.FAILED);
        JobId pending = m.job(client, seller, "10", null);

        ReputationFacts facts = m.parts.sources().factsOf(client);
        assertThat(jobIn(facts, failed).transfers()).extracting(Transfer::id)
                .contains(JobMoneyFlows.transferOf(failed, JobMoneyFlows.REFUND));
        assertThat(facts.jobs()).noneMatch(j -> j.id().equals(pending));
        assertThat(m.reputation.reputationOf(seller).orThrow().jobsFailed()).isEqualTo(1);
    }

    @Test
    default void a_confirmed_payout_is_a_bounty_fact_of_poster_and_winner_with_its_tx_hash() {
        Parts p = parts();
        Agent poster = StorageFixtures.agent(1), winner = StorageFixtures.agent(2);
        p.storage().agents().saveAgent(poster);
        p.storage().agents().saveAgent(winner);
        Bounty bounty = StorageFixtures.openBounty(poster.id(), 30, T0, "go");
        p.storage().saveBounty().saveBounty(bounty);
        Payout payout = StorageFixtures.payout(bounty.id(), winner.id());
        p.storage().payouts().addPayout(payout);
        String tx = "0x" + "7".repeat(64);
        Payout confirmed = p.storage().payouts().payout(payout.id()).orElseThrow()
                .sent(tx, T0.plusSeconds(5)).confirmed(tx, null, T0.plusSeconds(9));
        p.storage().payouts().savePayout(confirmed);

        for (AgentId who : List.of(poster.id(), winner.id())) {
            assertThat(p.sources().factsOf(who).bounties()).singleElement().satisfies(b -> {
                assertThat(b.poster()).isEqualTo(poster.id());
                assertThat(b.winner()).isEqualTo(winner.id());
                assertThat(b.payout()).isEqualTo(PayoutStatus.CONFIRMED);
                assertThat(b.txHash()).isEqualTo(tx);
                assertThat(b.amount()).isEqualTo(Usdc.parse("12.345678"));
                assertThat(b.paidAt()).isEqualTo(T0.plusSeconds(9));
            });
        }
    }

    @Test
    default void marks_name_each_agents_signing_key_and_moltbook_owner() {
        Parts p = parts();
        Agent a = agentWithKey(11, "cd".repeat(32));
        Agent b = agentWithKey(12, "cd".repeat(32));
        p.storage().agents().saveAgent(a);
        p.storage().agents().saveAgent(b);
        p.links().save(new MoltbookLink(a.id(), new MoltbookIdentity("a-bot", null, 3, true, "Alice"), T0));
        Bounty bounty = StorageFixtures.openBounty(a.id(), 5, T0, "go");
        p.storage().saveBounty().saveBounty(bounty);
        p.storage().payouts().addPayout(StorageFixtures.payout(bounty.id(), b.id()));

        ReputationFacts facts = p.sources().factsOf(a.id());
        assertThat(facts.marksOf(a.id()).signingKey()).isEqualTo("cd".repeat(32));
        assertThat(facts.marksOf(a.id()).moltbookOwner()).isEqualTo("alice");
        assertThat(facts.sameParty(b.id())).isTrue();
    }

    private static Agent agentWithKey(int n, String key) {
        return Agent.register(new AgentId(UUID.randomUUID()), new WalletAddress(String.format("0x%040x", 900 + n)),
                new AgentProfile("agent-" + n, "", key, null), T0);
    }

    @Test
    default void kept_scores_read_back_and_a_hold_never_overwrites_one() {
        Parts p = parts();
        AgentId a = new AgentId(UUID.randomUUID()), b = new AgentId(UUID.randomUUID());
        p.registry().tx().inTransaction(() -> {
            p.scores().hold(a, 25, T0);
            p.scores().save(a, 71, T0);
            p.scores().hold(a, 25, T0);
            return null;
        });
        assertThat(p.scores().scores(List.of(a, b))).containsExactlyEntriesOf(java.util.Map.of(a, 71));
    }

    @Test
    default void agents_come_in_id_order_after_a_cursor() {
        Parts p = parts();
        List<Agent> agents = List.of(StorageFixtures.agent(1), StorageFixtures.agent(2), StorageFixtures.agent(3));
        agents.forEach(p.storage().agents()::saveAgent);
        List<AgentId> sorted = agents.stream().map(Agent::id).sorted(ReputationSources.ORDER).toList();

        assertThat(p.sources().agentsAfter(null, 2)).containsExactlyElementsOf(sorted.subList(0, 2));
        assertThat(p.sources().agentsAfter(sorted.get(1), 5)).containsExactly(sorted.get(2));
        assertThat(p.sources().agentsAfter(sorted.get(2), 5)).isEmpty();
    }
}
