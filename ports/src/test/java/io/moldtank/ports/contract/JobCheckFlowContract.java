package io.moldtank.ports.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.moldtank.domain.agent.AgentId;
import io.moldtank.domain.job.CheckPolicy;
import io.moldtank.domain.job.CheckRun;
import io.moldtank.domain.job.JobAccounts;
import io.moldtank.domain.job.JobCheck;
import io.moldtank.domain.job.JobId;
import io.moldtank.domain.job.JobRefusal;
import io.moldtank.domain.job.JobResult;
import io.moldtank.domain.job.JobStatus;
import io.moldtank.domain.job.ResultView;
import io.moldtank.domain.job.Verdict;
import io.moldtank.domain.ledger.LedgerRefusal;
import io.moldtank.domain.listing.ListingId;
import io.moldtank.domain.money.Usdc;
import io.moldtank.domain.validation.Vote;
import io.moldtank.ports.in.Outcome;
import io.moldtank.ports.in.job.DeliverJobCommand;
import io.moldtank.ports.in.job.JobMove;
import io.moldtank.ports.in.job.JobView;
import io.moldtank.ports.in.job.ProposeJobCommand;
import io.moldtank.ports.in.job.VerifyJobCommand;
import io.moldtank.ports.in.listing.CreateListingCommand;
import io.moldtank.ports.out.storage.PendingJobChecks;
import io.moldtank.ports.service.CheckingJobs;
import io.moldtank.ports.service.RegistryStorage;
import io.moldtank.ports.service.Storage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * A sandbox-checked job over any storage, with a scripted sandbox: the verdict moves the money once,
 * errors retry then dead-letter without charging, an operator requeues, asks are idempotent, a lapsed
 * worker's late verdict changes nothing, and two workers never run one attempt. Written once; run on
 * the in-memory, H2 and PostgreSQL stores.
 */
public interface JobCheckFlowContract {

    /** A fresh, empty store, seen through the bounty and registry bundles and as the check queue. */
    record Stores(Storage storage, RegistryStorage registry, PendingJobChecks pending) {
    }

    Stores jobCheckFlowStores();

    JobCheck CHECK = new JobCheck.Script(Map.of("check.sh", "grep -q 42\n"), "sh check.sh", Duration.ofSeconds(10));

    /** The registry as the app wires it, a check service over a scripted sandbox, a delivered checked job. */
    final class World {
        final RegistryFlowContract.World base;
        final Stores stores;
        final ConcurrentLinkedQueue<CheckingJobs.CheckReport> reports = new ConcurrentLinkedQueue<>();
        final AtomicInteger runs = new AtomicInteger();
        volatile Function<Integer, Vote> sandbox = n -> vote(Vote.Kind.PASS, null);
        final CheckingJobs checks;
        final AgentId seller;
        final AgentId client;
        JobId job;

        World(Stores stores) {
            this.stores = stores;
            this.base = new RegistryFlowContract.World(new RegistryFlowContract.Stores(stores.storage(), stores.registry()));
            this.checks = new CheckingJobs(stores.registry(), stores.pending(), (check, result) -> {
                assertThat(check).isEqualTo(CHECK);
                assertThat(result).isEqualTo(new JobResult("the answer is 42"));
                return sandbox.apply(runs.incrementAndGet());
            }, CheckPolicy.STANDARD, JobAccounts.STANDARD, base.clock, reports::add);
            seller = base.agent(1);
            client = base.agent(2);
        }

        Vote vote(Vote.Kind kind, String reason) {
            var details = new java.util.HashMap<String, String>(Map.of("exitCode", kind == Vote.Kind.PASS ? "0" : "1",
                    "stdoutTail", "printed the answer is 42", "image", "moldtank/sandbox:1@sha256:abc"));
            if (reason != null) {
                details.put("reason", reason);
            }
            return new Vote("test-runner", kind, kind + " summary", details, Duration.ofMillis(1500), base.clock.instant());
        }

        /** Client holds {@code clientFunds}; the seller lists with the check, delivers; nothing asked yet. */
        World delivered(String clientFunds) {
            base.deposit(client, 2, clientFunds);
            base.deposit(seller, 1, "1");
            var r = base.registry;
            ListingId listing = r.listings().create(new CreateListingCommand(seller, "Find the answer", "",
                    Usdc.parse("20"), Set.of("math"), CHECK)).orThrow().id();
            job = r.jobs().propose(new ProposeJobCommand(client, listing)).orThrow().id();
            assertThat(r.jobs().job(new JobMove(client, job)).orThrow().check()).isEqualTo(CHECK);
            r.jobs().accept(new JobMove(seller, job)).orThrow();
            r.jobs().fund(new JobMove(client, job)).orThrow();
            r.jobs().start(new JobMove(seller, job)).orThrow();
            r.jobs().deliver(new DeliverJobCommand(seller, job, new JobResult("the answer is 42"))).orThrow();
            return this;
        }

        JobView as(AgentId who) {
            return base.registry.jobs().job(new JobMove(who, job)).orThrow();
        }

        Usdc balance(AgentId who) {
            return base.registry.wallets().balance(who).orThrow();
        }

        List<String> outcomes() {
            return reports.stream().map(CheckingJobs.CheckReport::outcome).toList();
        }
    }

    @Test
    default void a_pass_pays_the_seller_less_the_cut_and_charges_the_client_the_fee_once() {
        World w = new World(jobCheckFlowStores()).delivered("100");
        JobView asked = w.checks.requestCheck(new JobMove(w.client, w.job)).orThrow();
        assertThat(asked.status()).isEqualTo(JobStatus.VERIFYING);
        assertThat(asked.checkRun().orElseThrow().state()).isEqualTo(CheckRun.State.QUEUED);
        assertThat(w.balance(w.client)).isEqualTo(Usdc.parse("79.95")); // 100 - 20 escrowed - 0.05 verification
        // asking again while it waits: the same pending job, nothing charged twice
        assertThat(w.checks.requestCheck(new JobMove(w.client, w.job)).orThrow().checkRun()).isEqualTo(asked.checkRun());
        assertThat(w.balance(w.client)).isEqualTo(Usdc.parse("79.95"));
        assertThat(w.stores.pending().waitingChecks()).isEqualTo(1);

        assertThat(w.checks.checkDue(10)).isEqualTo(1);
        assertThat(w.checks.checkDue(10)).isZero();

        JobView done = w.as(w.client);
        assertThat(done.status()).isEqualTo(JobStatus.COMPLETED);
        assertThat(done.result()).isEqualTo(new ResultView.Visible(new JobResult("the answer is 42")));
        var verdict = done.checkRun().orElseThrow().verdict();
        assertThat(verdict.outcome()).isEqualTo(Verdict.PASSED);
        assertThat(verdict.evidence()).containsEntry("image", "moldtank/sandbox:1@sha256:abc").doesNotContainKey("reason");
        assertThat(verdict.output()).containsEntry("stdoutTail", "printed the answer is 42");
        assertThat(done.checkRun().orElseThrow().attempts()).isEqualTo(1);
        assertThat(w.balance(w.client)).isEqualTo(Usdc.parse("79.95"));
        assertThat(w.balance(w.seller)).isEqualTo(Usdc.parse("19.90")); // 1 - 0.10 storage + 20 - 5 % cut
        assertThat(w.base.books.totals().balanced()).isTrue();
        assertThat(w.stores.pending().waitingChecks()).isZero();
        assertThat(w.outcomes()).containsExactly("passed");
        assertThat(w.runs.get()).isEqualTo(1);
    }

    @Test
    default void a_fail_refunds_the_client_who_sees_the_verdict_but_neither_result_nor_output() {
        World w = new World(jobCheckFlowStores()).delivered("100");
        w.sandbox = n -> w.vote(Vote.Kind.FAIL, "tests-failed");
        w.checks.requestCheck(new JobMove(w.client, w.job)).orThrow();
        w.checks.checkDue(10);

        JobView client = w.as(w.client);
        assertThat(client.status()).isEqualTo(JobStatus.FAILED);
        assertThat(client.result()).isInstanceOf(ResultView.Redacted.class);
        assertThat(client.checkRun().orElseThrow().verdict().reason()).isEqualTo("tests-failed");
        assertThat(client.checkRun().orElseThrow().verdict().output()).isEmpty();
        assertThat(w.as(w.seller).checkRun().orElseThrow().verdict().output()).containsKey("stdoutTail");
        assertThat(w.balance(w.client)).isEqualTo(Usdc.parse("99.95")); // the price back, the fee kept
        assertThat(w.balance(w.seller)).isEqualTo(Usdc.parse("0.90"));
        assertThat(w.outcomes()).containsExactly("failed");
    }

    @Test
    default void sandbox_errors_retry_then_dead_letter_without_moving_money_and_a_requeue_finishes_it() {
        World w = new World(jobCheckFlowStores()).delivered("100");
        w.sandbox = n -> {
            if (n == 2) {
                throw new IllegalStateException("docker went away");
            }
            return w.vote(n <= 3 ? Vote.Kind.ERROR : Vote.Kind.PASS, null);
        };
        w.checks.requestCheck(new JobMove(w.client, w.job)).orThrow();
        for (int i = 0; i < 3; i++) {
            assertThat(w.checks.checkDue(10)).isEqualTo(1);
            assertThat(w.checks.checkDue(10)).as("not before the back-off").isZero();
            w.base.clock.advance(Duration.ofMinutes(1));
        }
        assertThat(w.outcomes()).containsExactly("retried", "retried", "dead-lettered");
        JobView stuck = w.as(w.client);
        assertThat(stuck.status()).isEqualTo(JobStatus.VERIFYING);
        assertThat(stuck.checkRun().orElseThrow().state()).isEqualTo(CheckRun.State.DEAD_LETTERED);
        assertThat(w.balance(w.client)).isEqualTo(Usdc.parse("79.95"));
        assertThat(w.checks.deadLetteredChecks(10)).singleElement().satisfies(d -> {
            assertThat(d.jobId()).isEqualTo(w.job);
            assertThat(d.kind()).isEqualTo("script");
            assertThat(d.run().attempts()).isEqualTo(3);
        });
        assertThat(w.checks.checkDue(10)).isZero();

        assertThat(w.checks.requeueCheck(w.job).orThrow().state()).isEqualTo(CheckRun.State.QUEUED);
        assertThat(w.checks.requeueCheck(w.job)).isInstanceOfSatisfying(Outcome.Refused.class,
                r -> assertThat(r.reason()).isEqualTo(JobRefusal.CHECK_NOT_DEAD_LETTERED));
        assertThat(w.checks.checkDue(10)).isEqualTo(1);
        assertThat(w.as(w.client).status()).isEqualTo(JobStatus.COMPLETED);
        assertThat(w.balance(w.client)).isEqualTo(Usdc.parse("79.95"));
        assertThat(w.balance(w.seller)).isEqualTo(Usdc.parse("19.90"));
        assertThat(w.checks.deadLetteredChecks(10)).isEmpty();
    }

    @Test
    default void an_ask_the_client_cannot_pay_the_fee_for_stores_nothing() {
        World w = new World(jobCheckFlowStores()).delivered("20"); // the price, nothing left for the fee
        assertThat(w.checks.requestCheck(new JobMove(w.client, w.job))).isInstanceOfSatisfying(Outcome.Refused.class,
                r -> assertThat(r.reason()).isEqualTo(LedgerRefusal.INSUFFICIENT_FUNDS));
        assertThat(w.as(w.client).status()).isEqualTo(JobStatus.DELIVERED);
        assertThat(w.stores.pending().waitingChecks()).isZero();
        assertThat(w.balance(w.client)).isEqualTo(Usdc.ZERO);
    }

    @Test
    default void only_the_client_asks_and_a_manual_verdict_is_refused_on_a_checked_job() {
        World w = new World(jobCheckFlowStores()).delivered("100");
        assertThat(w.checks.requestCheck(new JobMove(w.seller, w.job))).isInstanceOfSatisfying(Outcome.Refused.class,
                r -> assertThat(r.reason()).isEqualTo(JobRefusal.WRONG_PARTY));
        assertThat(w.checks.requestCheck(new JobMove(w.base.agent(3), w.job))).isInstanceOfSatisfying(
                Outcome.Refused.class, r -> assertThat(r.reason()).isEqualTo(JobRefusal.NOT_A_PARTY));
        assertThat(w.base.registry.jobs().verify(new VerifyJobCommand(w.client, w.job, Verdict.PASSED)))
                .isInstanceOfSatisfying(Outcome.Refused.class,
                        r -> assertThat(r.reason()).isEqualTo(JobRefusal.VERDICT_ON_CHECKED_JOB));
        assertThat(w.checks.requestCheck(new JobMove(w.client, new JobId(java.util.UUID.randomUUID()))))
                .isInstanceOf(Outcome.NotFound.class);
        assertThat(w.as(w.client).status()).isEqualTo(JobStatus.DELIVERED);
        assertThat(w.balance(w.client)).isEqualTo(Usdc.parse("80"));
    }

    @Test
    default void a_worker_whose_lease_lapsed_cannot_overturn_the_verdict_of_the_worker_that_took_over() {
        World w = new World(jobCheckFlowStores()).delivered("100");
        w.sandbox = n -> {
            if (n == 1) { // the first worker stalls past its lease; a second takes the check and passes it
                w.base.clock.advance(CheckPolicy.STANDARD.lease());
                assertThat(w.checks.checkDue(10)).isEqualTo(1);
                return w.vote(Vote.Kind.FAIL, "tests-failed");
            }
            return w.vote(Vote.Kind.PASS, null);
        };
        w.checks.requestCheck(new JobMove(w.client, w.job)).orThrow();
        w.checks.checkDue(10);

        assertThat(w.outcomes()).containsExactly("passed", "superseded");
        JobView done = w.as(w.client);
        assertThat(done.status()).isEqualTo(JobStatus.COMPLETED);
        assertThat(done.checkRun().orElseThrow().attempts()).isEqualTo(2);
        assertThat(w.balance(w.seller)).isEqualTo(Usdc.parse("19.90"));
        assertThat(w.balance(w.client)).isEqualTo(Usdc.parse("79.95"));
    }

    @Test
    default void two_workers_never_run_the_same_attempt() throws Exception {
        World w = new World(jobCheckFlowStores()).delivered("100");
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        w.sandbox = n -> {
            inside.countDown();
            try {
                assertThat(release.await(10, TimeUnit.SECONDS)).isTrue();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return w.vote(Vote.Kind.PASS, null);
        };
        w.checks.requestCheck(new JobMove(w.client, w.job)).orThrow();
        List<Integer> taken = java.util.Collections.synchronizedList(new ArrayList<>());
        Thread first = Thread.ofPlatform().start(() -> taken.add(w.checks.checkDue(10)));
        assertThat(inside.await(10, TimeUnit.SECONDS)).isTrue();
        taken.add(w.checks.checkDue(10)); // the second worker finds it leased
        release.countDown();
        first.join(10_000);

        assertThat(taken).containsExactlyInAnyOrder(1, 0);
        assertThat(w.runs.get()).isEqualTo(1);
        assertThat(w.as(w.client).status()).isEqualTo(JobStatus.COMPLETED);
    }
}
