package io.moldtank.domain.job;

import static io.moldtank.domain.job.JobFixture.CLIENT;
import static io.moldtank.domain.job.JobFixture.JOB;
import static io.moldtank.domain.job.JobFixture.RESULT;
import static io.moldtank.domain.job.JobFixture.SELLER;
import static io.moldtank.domain.job.JobFixture.T0;
import static org.assertj.core.api.Assertions.assertThat;

import io.moldtank.domain.ledger.TransferOutcome;
import io.moldtank.domain.money.FeeSchedule;
import io.moldtank.domain.money.Usdc;
import org.junit.jupiter.api.Test;

class JobMoneyFlowsTest {
    private final JobBook book = new JobBook(JOB, CLIENT, Usdc.ofWhole(200), SELLER, Usdc.ofWhole(1));
    private final Job job = JobFixture.proposed();

    private void deliver() {
        job.accept(SELLER, T0);
        job.fund(CLIENT, T0);
        book.settle(job);
        job.start(SELLER, T0);
        job.deliver(SELLER, RESULT, T0);
        book.settle(job);
    }

    @Test
    void funding_moves_the_price_from_the_client_into_escrow() {
        job.accept(SELLER, T0);
        job.fund(CLIENT, T0);
        book.settle(job);
        assertThat(book.available(CLIENT)).isEqualTo(Usdc.ofWhole(100).units());
        assertThat(book.escrow(JOB)).isEqualTo(JobFixture.PRICE.units());
    }

    @Test
    void delivering_charges_the_seller_the_storage_fee() {
        deliver();
        assertThat(book.available(SELLER)).isEqualTo(Usdc.parse("0.95").units());
        assertThat(book.platform()).isEqualTo(Usdc.parse("0.05").units());
    }

    @Test
    void completion_releases_escrow_to_the_seller_minus_the_cut_and_charges_verification() {
        deliver();
        job.verify(CLIENT, Verdict.PASSED, T0);
        book.settle(job);
        assertThat(book.escrow(JOB)).isZero();
        assertThat(book.available(SELLER)).isEqualTo(Usdc.parse("98.45").units()); // 1 - 0.05 + 97.5
        assertThat(book.available(CLIENT)).isEqualTo(Usdc.parse("99.9").units());  // 200 - 100 - 0.10
        assertThat(book.platform()).isEqualTo(Usdc.parse("2.65").units());         // 0.05 + 0.10 + 2.5
    }

    @Test
    void failure_refunds_the_whole_price_but_not_the_fees() {
        deliver();
        job.verify(CLIENT, Verdict.FAILED, T0);
        book.settle(job);
        assertThat(book.escrow(JOB)).isZero();
        assertThat(book.available(CLIENT)).isEqualTo(Usdc.parse("199.9").units());
        assertThat(book.available(SELLER)).isEqualTo(Usdc.parse("0.95").units());
        assertThat(book.platform()).isEqualTo(Usdc.parse("0.15").units());
    }

    @Test
    void replaying_a_step_is_an_identical_retry_not_a_second_payment() {
        job.accept(SELLER, T0);
        job.fund(CLIENT, T0);
        var event = (JobEvent) job.events().peek().get(1);
        book.settle(job);
        var flows = new JobMoneyFlows(book.accounts);
        assertThat(book.ledger.transferAll(flows.transfersFor(event), T0))
            .allMatch(o -> o instanceof TransferOutcome.AlreadyRecorded);
        assertThat(book.escrow(JOB)).isEqualTo(JobFixture.PRICE.units());
    }

    @Test
    void a_free_schedule_moves_only_the_price() {
        Job free = Job.propose(JOB, JobFixture.PARTIES, JobFixture.PRICE, FeeSchedule.free("free"), T0);
        free.accept(SELLER, T0);
        free.fund(CLIENT, T0);
        free.start(SELLER, T0);
        free.deliver(SELLER, RESULT, T0);
        free.verify(CLIENT, Verdict.PASSED, T0);
        book.settle(free);
        assertThat(book.jobTransfers).hasSize(2);
        assertThat(book.platform()).isZero();
    }
}
