package io.moldtank.domain.job;

import static io.moldtank.domain.job.JobFixture.CLIENT;
import static io.moldtank.domain.job.JobFixture.JOB;
import static io.moldtank.domain.job.JobFixture.PARTIES;
import static io.moldtank.domain.job.JobFixture.SELLER;
import static io.moldtank.domain.job.JobFixture.T0;

import io.moldtank.domain.money.FeeSchedule;
import io.moldtank.domain.money.Usdc;

/**
 * One job, its ledger, and the status a plain transition table says it should have. Both parties
 * hold just enough to pay every fee, so a ledger refusal can only mean a wrong money flow.
 */
final class JobWorld {
    final Usdc price;
    final FeeSchedule fees;
    final Job job;
    final JobBook book;
    JobStatus expected = JobStatus.PROPOSED;

    JobWorld(Usdc price, FeeSchedule fees) {
        this.price = price;
        this.fees = fees;
        this.job = Job.propose(JOB, PARTIES, price, fees, T0);
        this.book = new JobBook(JOB, CLIENT, price.plus(fees.verificationFee()), SELLER, fees.storageFee());
        book.settle(job);
    }

    long clientOut() {
        return book.flow(book.accounts.available(CLIENT), null);
    }

    long clientIn() {
        return book.flow(null, book.accounts.available(CLIENT));
    }

    long sellerNet() {
        return book.flow(null, book.accounts.available(SELLER)) - book.flow(book.accounts.available(SELLER), null);
    }

    long platformIn() {
        return book.flow(null, book.accounts.platformFees());
    }

    @Override
    public String toString() {
        return "JobWorld[" + price + ", " + fees + ", " + job.status() + "]";
    }
}
