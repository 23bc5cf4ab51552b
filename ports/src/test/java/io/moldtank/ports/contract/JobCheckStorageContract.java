package io.moldtank.ports.contract;

import static io.moldtank.ports.contract.RegistryFixtures.FEES;
import static io.moldtank.ports.contract.RegistryFixtures.someone;
import static io.moldtank.ports.contract.StorageFixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.moldtank.domain.agent.AgentId;
import io.moldtank.domain.bounty.Acceptance;
import io.moldtank.domain.job.CheckPolicy;
import io.moldtank.domain.job.CheckRun;
import io.moldtank.domain.job.CheckVerdict;
import io.moldtank.domain.job.Job;
import io.moldtank.domain.job.JobCheck;
import io.moldtank.domain.job.JobId;
import io.moldtank.domain.job.JobParties;
import io.moldtank.domain.job.JobResult;
import io.moldtank.domain.job.Verdict;
import io.moldtank.domain.listing.Listing;
import io.moldtank.domain.listing.ListingId;
import io.moldtank.domain.money.Usdc;
import io.moldtank.ports.out.storage.PendingJobChecks;
import io.moldtank.ports.service.RegistryStorage;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Listings and jobs with their checks, and the queue of pending checks read from the jobs: written
 * once for the in-memory reference, H2 and PostgreSQL. Each {@link #jobCheckStores()} is an empty store.
 */
public interface JobCheckStorageContract {

    /** One empty store, seen as the registry's ports and as the pending-check reader. */
    record JobCheckStores(RegistryStorage registry, PendingJobChecks pending) {
    }

    JobCheckStores jobCheckStores();

    CheckPolicy POLICY = CheckPolicy.STANDARD;

    /** A pytest check with declared ids, a JUnit one with a count, and a script: every field of each kind. */
    static List<JobCheck> checks() {
        return List.of(
                new JobCheck.Tests(new Acceptance.TestSuite(Map.of("tests/test_r.py", "def test_r():\n    assert True\n",
                        "data/summer.txt", "caf\u00e9 \u2014 \uD83D\uDE00"), "pytest -q tests", Duration.ofSeconds(90),
                        Acceptance.Runner.PYTEST, Acceptance.Expected.ofIds(List.of("tests/test_r.py::test_r"), true),
                        List.of("*.py")), "solution.py"),
                new JobCheck.Tests(new Acceptance.TestSuite(Map.of("Check.java", "class Check {}"), "sh run.sh",
                        Duration.ofSeconds(300), Acceptance.Runner.JUNIT, Acceptance.Expected.ofCount(3), List.of()), null),
                new JobCheck.Script(Map.of("check.py", "import sys\nsys.exit(0 if '42' in sys.stdin.read() else 1)\n"),
                        "python3 check.py 'a \"quoted\" arg'", Duration.ofSeconds(1)));
    }

    static Job delivered(RegistryStorage s, JobCheck check, String result) {
        AgentId client = someone(), seller = someone();
        Job job = Job.propose(new JobId(UUID.randomUUID()), new JobParties(client, seller), Usdc.parse("7"), FEES, check,
                T0);
        job.accept(seller, T0);
        job.fund(client, T0);
        job.start(seller, T0);
        job.deliver(seller, new JobResult(result), T0);
        job.events().drain();
        s.jobs().saveJob(job, 0);
        return job;
    }

    static void save(RegistryStorage s, Job job) {
        job.events().drain();
        s.jobs().saveJob(job, s.jobs().loadJob(job.id()).orElseThrow().version());
    }

    static Job queued(RegistryStorage s, Instant at) {
        Job job = delivered(s, checks().get(2), "42");
        job.requestCheck(job.parties().client(), at);
        save(s, job);
        return job;
    }

    @Test
    default void a_listing_keeps_its_check_of_every_kind_whole() {
        RegistryStorage s = jobCheckStores().registry();
        for (JobCheck check : checks()) {
            Listing l = new Listing(new ListingId(UUID.randomUUID()), someone(), "Checked service", "", Usdc.parse("2"),
                    Set.of("nlp"), true, T0, check);
            s.listings().saveListing(l);
            assertThat(s.listings().listing(l.id())).contains(l);
            assertThat(s.listings().listing(l.id()).orElseThrow().check()).isEqualTo(check);
        }
        Listing manual = new Listing(new ListingId(UUID.randomUUID()), someone(), "By hand", "", Usdc.parse("2"),
                Set.of(), true, T0);
        s.listings().saveListing(manual);
        assertThat(s.listings().listing(manual.id()).orElseThrow().check()).isEqualTo(JobCheck.MANUAL);
    }

    @Test
    default void a_checked_job_loads_back_whole_at_every_step_of_its_check() {
        RegistryStorage s = jobCheckStores().registry();
        for (JobCheck check : checks()) {
            Job job = delivered(s, check, "the result \u00e9 \uD83D\uDE00");
            assertThat(s.jobs().loadJob(job.id()).orElseThrow().value().snapshot()).isEqualTo(job.snapshot());
            job.requestCheck(job.parties().client(), T0.plusMillis(1));
            roundTrip(s, job);
            int first = job.startCheckAttempt(T0.plusSeconds(1), POLICY);
            roundTrip(s, job);
            job.failCheckAttempt(first, "ERROR: sandbox failed \u2014 docker \"down\"", T0.plusSeconds(2), POLICY);
            roundTrip(s, job);
            int second = job.startCheckAttempt(T0.plusSeconds(60), POLICY);
            job.decideCheck(second, new CheckVerdict(Verdict.FAILED, "tests-failed", "1 of 2 tests failed \u00e9",
                    Map.of("exitCode", "1", "image", "moldtank/sandbox:1@sha256:" + "a".repeat(64), "report",
                            "{\"tests\":[]}"), Map.of("stdoutTail", "expected 42 \uD83D\uDE00", "stderrTail", ""),
                    Duration.ofMillis(1234), T0.plusSeconds(70)));
            roundTrip(s, job);
            assertThat(s.jobs().loadJob(job.id()).orElseThrow().value().checkRun().orElseThrow().verdict().took())
                    .isEqualTo(Duration.ofMillis(1234));
        }
    }

    private static void roundTrip(RegistryStorage s, Job job) {
        save(s, job);
        assertThat(s.jobs().loadJob(job.id()).orElseThrow().value().snapshot()).isEqualTo(job.snapshot());
    }

    @Test
    default void due_checks_are_the_waiting_ones_whose_time_has_come_earliest_first() {
        JobCheckStores stores = jobCheckStores();
        RegistryStorage s = stores.registry();
        PendingJobChecks p = stores.pending();
        assertThat(p.dueChecks(T0, 10)).isEmpty();
        assertThat(p.waitingChecks()).isZero();
        assertThat(p.oldestWaitingCheck()).isEmpty();
        assertThat(p.deadLetteredCount()).isZero();

        Job later = queued(s, T0.plusSeconds(30));
        Job early = queued(s, T0.plusSeconds(10));
        Job running = queued(s, T0.plusSeconds(20));
        running.startCheckAttempt(T0.plusSeconds(20), POLICY); // leased until T0 + 20 s + 6 min
        save(s, running);
        Job notAsked = delivered(s, checks().get(0), "x");
        Job manual = delivered(s, JobCheck.MANUAL, "y");

        assertThat(p.dueChecks(T0.plusSeconds(9), 10)).isEmpty();
        assertThat(p.dueChecks(T0.plusSeconds(30), 10)).containsExactly(early.id(), later.id());
        assertThat(p.dueChecks(T0.plusSeconds(30), 1)).containsExactly(early.id());
        assertThat(p.dueChecks(T0.plusSeconds(20).plus(POLICY.lease()), 10))
                .containsExactly(early.id(), later.id(), running.id()); // its worker's lease ran out: due again
        assertThat(p.waitingChecks()).isEqualTo(3);
        assertThat(p.oldestWaitingCheck()).contains(T0.plusSeconds(10));
        assertThat(List.of(notAsked.id(), manual.id())).doesNotContainAnyElementsOf(
                p.dueChecks(T0.plus(Duration.ofDays(1)), 10));
        assertThatThrownBy(() -> p.dueChecks(T0, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    default void dead_lettered_and_decided_checks_no_longer_wait_and_dead_letters_list_oldest_first() {
        JobCheckStores stores = jobCheckStores();
        RegistryStorage s = stores.registry();
        PendingJobChecks p = stores.pending();
        CheckPolicy once = new CheckPolicy(1, POLICY.lease(), Duration.ZERO);
        Job second = queued(s, T0.plusSeconds(2));
        Job first = queued(s, T0.plusSeconds(1));
        Job decided = queued(s, T0.plusSeconds(3));
        for (Job j : List.of(second, first)) {
            j.failCheckAttempt(j.startCheckAttempt(T0.plusSeconds(5), once), "no sandbox", T0.plusSeconds(5), once);
            save(s, j);
        }
        decided.decideCheck(decided.startCheckAttempt(T0.plusSeconds(5), once), new CheckVerdict(Verdict.PASSED, null,
                "", Map.of(), Map.of(), Duration.ZERO, T0.plusSeconds(6)));
        save(s, decided);

        assertThat(p.waitingChecks()).isZero();
        assertThat(p.oldestWaitingCheck()).isEmpty();
        assertThat(p.dueChecks(T0.plus(Duration.ofDays(1)), 10)).isEmpty();
        assertThat(p.deadLetteredChecks(10)).extracting(j -> j.id()).containsExactly(first.id(), second.id());
        assertThat(p.deadLetteredCount()).isEqualTo(2);
        assertThat(p.deadLetteredChecks(1)).hasSize(1);
        assertThat(p.deadLetteredChecks(10).getFirst().run().map(CheckRun::lastError)).contains("no sandbox");

        first.requeueCheck(T0.plusSeconds(100));
        save(s, first);
        assertThat(p.deadLetteredChecks(10)).extracting(j -> j.id()).containsExactly(second.id());
        assertThat(p.deadLetteredCount()).isEqualTo(1);
        assertThat(p.dueChecks(T0.plusSeconds(100), 10)).containsExactly(first.id());
    }

    @Test
    default void a_rolled_back_ask_leaves_no_queued_check() {
        JobCheckStores stores = jobCheckStores();
        RegistryStorage s = stores.registry();
        Job job = delivered(s, checks().get(2), "42");
        assertThatThrownBy(() -> s.tx().inTransaction(() -> {
            Job loaded = s.jobs().loadJob(job.id()).orElseThrow().value();
            loaded.requestCheck(loaded.parties().client(), T0);
            s.jobs().saveJob(loaded, 1);
            throw new IllegalStateException("crash before commit");
        })).isInstanceOf(IllegalStateException.class);
        assertThat(stores.pending().waitingChecks()).isZero();
        assertThat(stores.pending().dueChecks(T0, 10)).isEmpty();
        assertThat(s.jobs().loadJob(job.id()).orElseThrow().value().checkRun()).isEmpty();
    }
}
