package io.moldtank.domain.job;

import static io.moldtank.domain.job.JobFixture.CHECK;
import static io.moldtank.domain.job.JobFixture.CLIENT;
import static io.moldtank.domain.job.JobFixture.FEES;
import static io.moldtank.domain.job.JobFixture.JOB;
import static io.moldtank.domain.job.JobFixture.PARTIES;
import static io.moldtank.domain.job.JobFixture.PRICE;
import static io.moldtank.domain.job.JobFixture.SELLER;
import static io.moldtank.domain.job.JobFixture.STRANGER;
import static io.moldtank.domain.job.JobFixture.T0;
import static io.moldtank.domain.job.JobFixture.checkedAndDelivered;
import static io.moldtank.domain.job.JobFixture.jobIn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.moldtank.domain.money.Usdc;
import io.moldtank.domain.shared.Reason;
import io.moldtank.domain.shared.Rejection;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** A job checked in the sandbox: queued by the client, run by workers, decided once by its check. */
class CheckedJobLifecycleTest {
    private static final CheckPolicy POLICY = new CheckPolicy(3, Duration.ofMinutes(6), Duration.ofSeconds(5));

    private static CheckVerdict verdict(Verdict outcome, Instant at) {
        return new CheckVerdict(outcome, outcome == Verdict.PASSED ? null : "tests-failed", "summary",
                Map.of("exitCode", outcome == Verdict.PASSED ? "0" : "1"), Map.of("stdoutTail", "the answer is 42"),
                Duration.ofSeconds(3), at);
    }

    private static void assertRefused(Job job, Reason reason, Consumer<Job> move) {
        JobSnapshot before = job.snapshot();
        assertThatThrownBy(() -> move.accept(job)).isInstanceOfSatisfying(Rejection.class,
                r -> assertThat(r.reason()).isEqualTo(reason));
        assertThat(job.snapshot()).isEqualTo(before);
        assertThat(job.events().peek()).isEmpty();
    }

    @Test
    void the_job_copies_the_check_it_was_proposed_under() {
        Job job = Job.propose(JOB, PARTIES, PRICE, FEES, CHECK, T0);
        assertThat(job.check()).isEqualTo(CHECK);
        assertThat(Job.restore(job.snapshot()).check()).isEqualTo(CHECK);
        assertThat(Job.propose(JOB, PARTIES, PRICE, FEES, T0).check()).isEqualTo(JobCheck.MANUAL);
    }

    @Test
    void asking_for_the_check_queues_it_and_charges_the_verification_fee_once_now() {
        Job job = checkedAndDelivered();
        job.requestCheck(CLIENT, T0);

        assertThat(job.status()).isEqualTo(JobStatus.VERIFYING);
        assertThat(job.checkRun()).hasValueSatisfying(run -> {
            assertThat(run.state()).isEqualTo(CheckRun.State.QUEUED);
            assertThat(run.attempts()).isZero();
            assertThat(run.dueAt()).isEqualTo(T0);
        });
        assertThat(job.events().drain()).containsExactly(new JobCheckQueued(JOB, CLIENT, FEES.verificationFee(), T0));
    }

    @Test
    void only_the_client_asks_for_a_check_and_only_once_the_result_is_delivered() {
        assertRefused(checkedAndDelivered(), JobRefusal.WRONG_PARTY, j -> j.requestCheck(SELLER, T0));
        assertRefused(checkedAndDelivered(), JobRefusal.NOT_A_PARTY, j -> j.requestCheck(STRANGER, T0));
        assertRefused(jobIn(JobStatus.VERIFYING), JobRefusal.ILLEGAL_TRANSITION, j -> j.requestCheck(CLIENT, T0));
        Job proposed = JobFixture.proposedChecked();
        proposed.events().drain();
        assertRefused(proposed, JobRefusal.ILLEGAL_TRANSITION, j -> j.requestCheck(CLIENT, T0));
    }

    @Test
    void a_verdict_from_the_client_is_refused_on_a_checked_job_and_required_on_a_manual_one() {
        assertRefused(checkedAndDelivered(), JobRefusal.VERDICT_ON_CHECKED_JOB, j -> j.verify(CLIENT, Verdict.PASSED, T0));
        assertRefused(jobIn(JobStatus.DELIVERED), JobRefusal.VERDICT_REQUIRED, j -> j.requestCheck(CLIENT, T0));
        assertRefused(jobIn(JobStatus.VERIFYING), JobRefusal.VERDICT_ON_CHECKED_JOB, j -> j.verify(CLIENT, Verdict.FAILED, T0));
        Job proposed = JobFixture.proposedChecked();
        proposed.events().drain();
        assertRefused(proposed, JobRefusal.VERDICT_ON_CHECKED_JOB, j -> j.verify(CLIENT, Verdict.PASSED, T0));
        assertRefused(jobIn(JobStatus.FUNDED), JobRefusal.VERDICT_REQUIRED, j -> j.requestCheck(CLIENT, T0));
    }

    @Test
    void a_pass_releases_escrow_once_and_charges_no_second_fee() {
        Job job = jobIn(JobStatus.VERIFYING);
        int attempt = job.startCheckAttempt(T0, POLICY);
        assertThat(attempt).isEqualTo(1);
        assertThat(job.checkRun().orElseThrow().state()).isEqualTo(CheckRun.State.RUNNING);
        job.decideCheck(attempt, verdict(Verdict.PASSED, T0.plusSeconds(4)));

        assertThat(job.status()).isEqualTo(JobStatus.COMPLETED);
        assertThat(job.events().drain()).containsExactly(new JobCompleted(JOB, PARTIES, FEES.splitPrice(PRICE), Usdc.ZERO,
                T0.plusSeconds(4)));
        assertThat(job.checkRun().orElseThrow().verdict().outcome()).isEqualTo(Verdict.PASSED);
        assertRefused(job, JobRefusal.CHECK_ATTEMPT_SUPERSEDED, j -> j.decideCheck(attempt, verdict(Verdict.FAILED, T0)));
        assertThat(job.startCheckAttempt(T0.plus(Duration.ofDays(1)), POLICY)).isZero();
    }

    @Test
    void a_fail_refunds_the_whole_price_to_the_client() {
        Job job = jobIn(JobStatus.VERIFYING);
        job.decideCheck(job.startCheckAttempt(T0, POLICY), verdict(Verdict.FAILED, T0));
        assertThat(job.status()).isEqualTo(JobStatus.FAILED);
        assertThat(job.events().drain()).containsExactly(new JobFailed(JOB, PARTIES, PRICE, Usdc.ZERO, T0));
    }

    @Test
    void sandbox_errors_retry_with_a_doubling_pause_then_dead_letter_and_an_operator_can_queue_it_again() {
        Job job = jobIn(JobStatus.VERIFYING);
        Instant now = T0;
        job.failCheckAttempt(job.startCheckAttempt(now, POLICY), "docker down", now, POLICY);
        assertThat(job.checkRun().orElseThrow().dueAt()).isEqualTo(now.plusSeconds(5));
        assertThat(job.startCheckAttempt(now.plusSeconds(4), POLICY)).isZero();
        now = now.plusSeconds(5);
        job.failCheckAttempt(job.startCheckAttempt(now, POLICY), "docker down", now, POLICY);
        assertThat(job.checkRun().orElseThrow().dueAt()).isEqualTo(now.plusSeconds(10));
        now = now.plusSeconds(10);
        int third = job.startCheckAttempt(now, POLICY);
        assertThat(third).isEqualTo(3);
        job.failCheckAttempt(third, "docker still down", now, POLICY);

        CheckRun dead = job.checkRun().orElseThrow();
        assertThat(dead.state()).isEqualTo(CheckRun.State.DEAD_LETTERED);
        assertThat(dead.lastError()).isEqualTo("docker still down");
        assertThat(job.status()).isEqualTo(JobStatus.VERIFYING);
        assertThat(job.events().peek()).isEmpty(); // no money moved for any try
        assertThat(job.startCheckAttempt(now.plus(Duration.ofDays(30)), POLICY)).isZero();

        job.requeueCheck(now.plusSeconds(60));
        assertThat(job.checkRun().orElseThrow().state()).isEqualTo(CheckRun.State.QUEUED);
        assertThat(job.startCheckAttempt(now.plusSeconds(60), POLICY)).isEqualTo(1);
        assertRefused(job, JobRefusal.CHECK_NOT_DEAD_LETTERED, j -> j.requeueCheck(T0));
    }

    @Test
    void a_worker_whose_lease_ran_out_loses_the_check_to_the_next_and_its_late_verdict_is_refused() {
        Job job = jobIn(JobStatus.VERIFYING);
        int first = job.startCheckAttempt(T0, POLICY);
        assertThat(job.startCheckAttempt(T0.plus(POLICY.lease()).minusSeconds(1), POLICY)).isZero();
        int second = job.startCheckAttempt(T0.plus(POLICY.lease()), POLICY);
        assertThat(second).isEqualTo(2);
        assertThat(job.checkRun().orElseThrow().lastError()).contains("lease ran out");

        assertRefused(job, JobRefusal.CHECK_ATTEMPT_SUPERSEDED, j -> j.decideCheck(first, verdict(Verdict.PASSED, T0)));
        assertRefused(job, JobRefusal.CHECK_ATTEMPT_SUPERSEDED, j -> j.failCheckAttempt(first, "late", T0, POLICY));
        job.decideCheck(second, verdict(Verdict.PASSED, T0));
        assertThat(job.status()).isEqualTo(JobStatus.COMPLETED);
    }

    @Test
    void a_lease_that_runs_out_on_the_last_attempt_dead_letters_the_check() {
        Job job = jobIn(JobStatus.VERIFYING);
        Instant now = T0;
        for (int i = 1; i <= 3; i++) {
            assertThat(job.startCheckAttempt(now, POLICY)).isEqualTo(i);
            now = now.plus(POLICY.lease());
        }
        assertThat(job.startCheckAttempt(now, POLICY)).isZero();
        assertThat(job.checkRun().orElseThrow().state()).isEqualTo(CheckRun.State.DEAD_LETTERED);
    }

    @Test
    void the_client_sees_the_verdict_but_not_the_output_tails_until_the_job_completes() {
        Job failed = jobIn(JobStatus.VERIFYING);
        failed.decideCheck(failed.startCheckAttempt(T0, POLICY), verdict(Verdict.FAILED, T0));
        assertThat(failed.checkRunFor(CLIENT).orElseThrow().verdict().output()).isEmpty();
        assertThat(failed.checkRunFor(CLIENT).orElseThrow().verdict().evidence()).containsEntry("exitCode", "1");
        assertThat(failed.checkRunFor(SELLER).orElseThrow().verdict().output()).containsKey("stdoutTail");
        assertThat(failed.checkRunFor(STRANGER)).isEmpty();

        Job passed = jobIn(JobStatus.VERIFYING);
        passed.decideCheck(passed.startCheckAttempt(T0, POLICY), verdict(Verdict.PASSED, T0));
        assertThat(passed.checkRunFor(CLIENT).orElseThrow().verdict().output()).containsKey("stdoutTail");
        assertThat(jobIn(JobStatus.DELIVERED).checkRunFor(CLIENT)).isEmpty();
    }

    @Test
    void a_checked_job_restores_from_its_snapshot_with_its_run() {
        Job job = jobIn(JobStatus.VERIFYING);
        job.failCheckAttempt(job.startCheckAttempt(T0, POLICY), "boom", T0, POLICY);
        Job restored = Job.restore(job.snapshot());
        assertThat(restored.snapshot()).isEqualTo(job.snapshot());
        assertThat(restored.startCheckAttempt(T0.plusSeconds(5), POLICY)).isEqualTo(2);
    }

    @Test
    void a_snapshot_that_breaks_the_check_rules_is_refused() {
        JobSnapshot verifying = jobIn(JobStatus.VERIFYING).snapshot();
        assertThatThrownBy(() -> new JobSnapshot(JOB, PARTIES, PRICE, FEES, JobStatus.VERIFYING, verifying.result(),
                CHECK, java.util.Optional.empty())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new JobSnapshot(JOB, PARTIES, PRICE, FEES, JobStatus.VERIFYING, verifying.result(),
                JobCheck.MANUAL, verifying.run())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new JobSnapshot(JOB, PARTIES, PRICE, FEES, JobStatus.COMPLETED, verifying.result(),
                CHECK, java.util.Optional.empty())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void the_policy_doubles_its_pause_up_to_an_hour_and_refuses_a_lease_shorter_than_the_longest_check() {
        assertThat(POLICY.retryAfter(1)).isEqualTo(Duration.ofSeconds(5));
        assertThat(POLICY.retryAfter(3)).isEqualTo(Duration.ofSeconds(20));
        assertThat(new CheckPolicy(20, Duration.ofMinutes(6), Duration.ofMinutes(30)).retryAfter(20))
                .isEqualTo(CheckPolicy.MAX_DELAY);
        assertThatThrownBy(() -> new CheckPolicy(3, Duration.ofMinutes(5), Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CheckPolicy(0, Duration.ofMinutes(6), Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
