package io.moldtank.ports.service;

import io.moldtank.domain.agent.AgentId;
import io.moldtank.domain.job.*;
import io.moldtank.domain.ledger.AccountKind;
import io.moldtank.domain.listing.Listing;
import io.moldtank.domain.money.FeeSchedule;
import io.moldtank.domain.shared.IdGenerator;
import io.moldtank.ports.in.Outcome;
import io.moldtank.ports.in.job.*;
import io.moldtank.ports.out.storage.Versioned;
import java.time.Clock;
import java.util.List;
import java.util.function.Consumer;

/**
 * The job lifecycle of seed 003. Each move changes the job and posts its money flows to the ledger
 * in one transaction: if the ledger refuses (say, the client cannot cover the price), nothing of
 * the move is kept.
 */
public final class RunningJobs implements ProposeJobUseCase, AcceptJobUseCase, FundJobUseCase, StartJobUseCase,
        DeliverJobUseCase, VerifyJobUseCase, CancelJobUseCase, GetJobQuery, GetFeeScheduleQuery {
    private final RegistryStorage storage;
    private final FeeSchedule fees;
    private final JobAccounts accounts;
    private final JobRecords records;
    private final Clock clock;
    private final IdGenerator ids;

    public RunningJobs(RegistryStorage storage, FeeSchedule fees, JobAccounts accounts, Clock clock, IdGenerator ids) {
        this.storage = storage;
        this.fees = fees;
        this.accounts = accounts;
        this.records = new JobRecords(storage, new JobMoneyFlows(accounts), clock);
        this.clock = clock;
        this.ids = ids;
    }

    @Override
    public Outcome<JobView> propose(ProposeJobCommand c) {
        return Retrying.inTransaction(storage.tx(), () -> storage.listings().listing(c.listingId())
                .<Outcome<JobView>>map(listing -> {
                    listing.requireActive();
                    ActiveAgents.require(storage.agents(), c.client());
                    // the listing's check is copied like the fees: what the client agreed to is what runs
                    Job job = Job.propose(new JobId(ids.next()), new JobParties(c.client(), listing.seller()),
                            listing.price(), fees, listing.check(), clock.instant());
                    openAccounts(job);
                    record(job, 0);
                    return Outcome.done(view(job, c.client()));
                })
                .orElseGet(() -> Outcome.notFound("listing", c.listingId())));
    }

    @Override
    public Outcome<JobView> accept(JobMove m) {
        return change(m, job -> job.accept(m.by(), clock.instant()));
    }

    @Override
    public Outcome<JobView> fund(JobMove m) {
        return change(m, job -> job.fund(m.by(), clock.instant()));
    }

    @Override
    public Outcome<JobView> start(JobMove m) {
        return change(m, job -> job.start(m.by(), clock.instant()));
    }

    @Override
    public Outcome<JobView> deliver(DeliverJobCommand c) {
        return change(new JobMove(c.by(), c.jobId()), job -> job.deliver(c.by(), c.result(), clock.instant()));
    }

    @Override
    public Outcome<JobView> verify(VerifyJobCommand c) {
        return change(new JobMove(c.by(), c.jobId()), job -> job.verify(c.by(), c.verdict(), clock.instant()));
    }

    @Override
    public Outcome<JobView> cancel(JobMove m) {
        return change(m, job -> job.cancel(m.by(), clock.instant()));
    }

    @Override
    public FeeSchedule currentFees() {
        return fees;
    }

    @Override
    public Outcome<JobView> job(JobMove m) {
        return storage.jobs().loadJob(m.jobId())
                .filter(v -> v.value().parties().includes(m.by()))
                .map(v -> Outcome.done(view(v.value(), m.by())))
                .orElseGet(() -> Outcome.notFound("job", m.jobId()));
    }

    private Outcome<JobView> change(JobMove m, Consumer<Job> move) {
        return Retrying.inTransaction(storage.tx(), () -> storage.jobs().loadJob(m.jobId())
                .<Outcome<JobView>>map(v -> {
                    move.accept(v.value());
                    record(v.value(), v.version());
                    return Outcome.done(view(v.value(), m.by()));
                })
                .orElseGet(() -> Outcome.notFound("job", m.jobId())));
    }

    private void record(Job job, long version) {
        records.record(job, version);
    }

    private void openAccounts(Job job) {
        for (AgentId party : List.of(job.parties().client(), job.parties().seller())) {
            storage.books().openAccount(accounts.available(party), AccountKind.AGENT_AVAILABLE, clock.instant());
        }
        storage.books().openAccount(accounts.escrow(job.id()), AccountKind.ESCROW, clock.instant());
        storage.books().openAccount(accounts.platformFees(), AccountKind.PLATFORM_FEES, clock.instant());
    }

    private static JobView view(Job job, AgentId viewer) {
        return JobRecords.view(job, viewer);
    }
}
