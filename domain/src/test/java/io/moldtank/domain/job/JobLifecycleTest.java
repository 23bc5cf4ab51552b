package io.moldtank.domain.job;

import static io.moldtank.domain.job.JobFixture.CLIENT;
import static io.moldtank.domain.job.JobFixture.FEES;
import static io.moldtank.domain.job.JobFixture.JOB;
import static io.moldtank.domain.job.JobFixture.PRICE;
import static io.moldtank.domain.job.JobFixture.RESULT;
import static io.moldtank.domain.job.JobFixture.SELLER;
import static io.moldtank.domain.job.JobFixture.T0;
import static io.moldtank.domain.job.JobFixture.jobIn;
import static org.assertj.core.api.Assertions.assertThat;

import io.moldtank.domain.agent.AgentId;
import io.moldtank.domain.money.Usdc;
import org.junit.jupiter.api.Test;

class JobLifecycleTest {

    @Test
    void a_client_proposes_a_job_with_a_price_and_the_fees_of_the_day() {
        Job job = Job.propose(JOB, JobFixture.PARTIES, PRICE, FEES, T0);
        assertThat(job.status()).isEqualTo(JobStatus.PROPOSED);
        assertThat(job.events().drain()).containsExactly(new JobProposed(JOB, JobFixture.PARTIES, PRICE, FEES, T0));
    }

    @Test
    void the_seller_accepts_a_proposal() {
        Job job = jobIn(JobStatus.PROPOSED);
        job.accept(SELLER, T0);
        assertThat(job.status()).isEqualTo(JobStatus.AGREED);
        assertThat(job.events().drain()).containsExactly(new JobAgreed(JOB, T0));
    }

    @Test
    void the_client_funds_escrow_with_the_price() {
        Job job = jobIn(JobStatus.AGREED);
        job.fund(CLIENT, T0);
        assertThat(job.status()).isEqualTo(JobStatus.FUNDED);
        assertThat(job.events().drain()).containsExactly(new JobFunded(JOB, CLIENT, PRICE, T0));
    }

    @Test
    void the_seller_starts_a_funded_job() {
        Job job = jobIn(JobStatus.FUNDED);
        job.start(SELLER, T0);
        assertThat(job.status()).isEqualTo(JobStatus.IN_PROGRESS);
        assertThat(job.events().drain()).containsExactly(new JobStarted(JOB, T0));
    }

    @Test
    void the_seller_delivers_and_is_charged_the_storage_fee() {
        Job job = jobIn(JobStatus.IN_PROGRESS);
        job.deliver(SELLER, RESULT, T0);
        assertThat(job.status()).isEqualTo(JobStatus.DELIVERED);
        assertThat(job.events().drain()).containsExactly(new JobDelivered(JOB, SELLER, FEES.storageFee(), T0));
    }

    @Test
    void a_passing_verification_completes_the_job_and_pays_the_seller_minus_the_cut() {
        Job job = jobIn(JobStatus.DELIVERED);
        job.verify(CLIENT, Verdict.PASSED, T0);
        assertThat(job.status()).isEqualTo(JobStatus.COMPLETED);
        JobCompleted completed = (JobCompleted) job.events().drain().getFirst();
        assertThat(completed.payout().net()).isEqualTo(Usdc.parse("97.5"));
        assertThat(completed.payout().fee()).isEqualTo(Usdc.parse("2.5"));
        assertThat(completed.verificationFee()).isEqualTo(FEES.verificationFee());
    }

    @Test
    void a_failing_verification_fails_the_job_and_refunds_the_whole_price() {
        Job job = jobIn(JobStatus.DELIVERED);
        job.verify(CLIENT, Verdict.FAILED, T0);
        assertThat(job.status()).isEqualTo(JobStatus.FAILED);
        assertThat(job.events().drain())
            .containsExactly(new JobFailed(JOB, JobFixture.PARTIES, PRICE, FEES.verificationFee(), T0));
    }

    @Test
    void either_party_may_cancel_before_funding() {
        for (JobStatus status : new JobStatus[] {JobStatus.PROPOSED, JobStatus.AGREED}) {
            for (var party : new AgentId[] {CLIENT, SELLER}) {
                Job job = jobIn(status);
                job.cancel(party, T0);
                assertThat(job.status()).isEqualTo(JobStatus.CANCELLED);
                assertThat(job.events().drain()).containsExactly(new JobCancelled(JOB, party, T0));
            }
        }
    }

    @Test
    void a_restored_job_continues_where_it_stopped() {
        Job job = Job.restore(jobIn(JobStatus.IN_PROGRESS).snapshot());
        job.deliver(SELLER, RESULT, T0);
        assertThat(job.snapshot().result()).contains(RESULT);
    }

    @Test
    void the_result_never_shows_up_in_a_log_line() {
        assertThat(RESULT.toString()).doesNotContain("42");
        assertThat(jobIn(JobStatus.DELIVERED).snapshot().toString()).doesNotContain("42");
    }
}
