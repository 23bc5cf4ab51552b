package io.moldtank.ports.service;

import io.moldtank.domain.job.CheckPolicy;
import io.moldtank.domain.job.CheckRun;
import io.moldtank.domain.job.Job;
import io.moldtank.domain.job.JobAccounts;
import io.moldtank.domain.job.JobCheck;
import io.moldtank.domain.job.JobId;
import io.moldtank.domain.job.JobMoneyFlows;
import io.moldtank.domain.job.JobResult;
import io.moldtank.domain.job.JobStatus;
import io.moldtank.domain.job.Verdict;
import io.moldtank.domain.validation.Vote;
import io.moldtank.ports.in.Outcome;
import io.moldtank.ports.in.job.CheckDueJobsUseCase;
import io.moldtank.ports.in.job.DeadLetteredCheck;
import io.moldtank.ports.in.job.JobCheckUseCases;
import io.moldtank.ports.in.job.JobMove;
import io.moldtank.ports.in.job.JobView;
import io.moldtank.ports.out.storage.PendingJobChecks;
import io.moldtank.ports.out.validation.RunJobCheck;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Issue 14 §1: jobs verified in the sandbox. The client's ask queues the check with the job (one
 * transaction: status, fee, queue). A worker pass takes each due check in three steps: lease an
 * attempt (a save of the job, so two workers never run one attempt), run it in the sandbox outside
 * any transaction, then record the outcome at that attempt. A verdict moves the money once; a
 * sandbox error is retried with back-off and dead-lettered after the policy's last attempt, never
 * charging; a worker whose lease lapsed finds its attempt superseded and changes nothing.
 */
public final class CheckingJobs implements JobCheckUseCases, CheckDueJobsUseCase {

    /** What one worker step did, for metrics and logs: outcome is passed, failed, retried, dead-lettered or superseded. */
    public record CheckReport(JobId jobId, int attempt, String outcome, String reason, Duration took) {
    }

    private final RegistryStorage storage;
    private final PendingJobChecks pending;
    private final RunJobCheck runner;
    private final CheckPolicy policy;
    private final Clock clock;
    private final JobRecords records;
    private final Consumer<CheckReport> reports;

    public CheckingJobs(RegistryStorage storage, PendingJobChecks pending, RunJobCheck runner, CheckPolicy policy,
                        JobAccounts accounts, Clock clock, Consumer<CheckReport> reports) {
        this.storage = storage;
        this.pending = pending;
        this.runner = runner;
        this.policy = Objects.requireNonNull(policy, "policy");
        this.clock = clock;
        this.records = new JobRecords(storage, new JobMoneyFlows(accounts), clock);
        this.reports = Objects.requireNonNull(reports, "reports");
    }

    @Override
    public Outcome<JobView> requestCheck(JobMove m) {
        return Retrying.inTransaction(storage.tx(), () -> storage.jobs().loadJob(m.jobId())
                .<Outcome<JobView>>map(v -> {
                    Job job = v.value();
                    boolean askedBefore = job.status() == JobStatus.VERIFYING && job.parties().client().equals(m.by());
                    if (!askedBefore) { // a second ask while the check waits answers the same pending job
                        job.requestCheck(m.by(), clock.instant());
                        records.record(job, v.version());
                    }
                    return Outcome.done(JobRecords.view(job, m.by()));
                })
                .orElseGet(() -> Outcome.notFound("job", m.jobId())));
    }

    @Override
    public int checkDue(int limit) {
        int taken = 0;
        for (JobId id : pending.dueChecks(clock.instant(), limit)) {
            if (Thread.currentThread().isInterrupted()) {
                break; // shutting down: touch no storage (see checkOne)
            }
            if (checkOne(id)) {
                taken++;
            }
        }
        return taken;
    }

    /**
     * The job's check and result as they were when this worker leased the attempt (0: nothing to run);
     * {@code lapsedOut}: the lease step found the last attempt's worker gone and dead-lettered the check.
     */
    private record Lease(int attempt, JobCheck.Sandboxed check, JobResult result, int lapsedOut) {
    }

    private boolean checkOne(JobId id) {
        Outcome<Lease> leased = Retrying.inTransaction(storage.tx(), () -> storage.jobs().loadJob(id)
                .<Outcome<Lease>>map(v -> {
                    Job job = v.value();
                    Optional<CheckRun> before = job.checkRun();
                    int attempt = job.startCheckAttempt(clock.instant(), policy);
                    if (job.checkRun().equals(before)) {
                        return Outcome.done(new Lease(0, null, null, 0)); // not due after all, or taken meanwhile
                    }
                    records.record(job, v.version());
                    return Outcome.done(attempt == 0 ? new Lease(0, null, null, before.orElseThrow().attempts())
                            : new Lease(attempt, (JobCheck.Sandboxed) job.check(), resultOf(job), 0));
                })
                .orElseGet(() -> Outcome.notFound("job", id)));
        if (!(leased instanceof Outcome.Done<Lease> done)) {
            return false;
        }
        Lease lease = done.value();
        if (lease.lapsedOut() > 0) {
            reports.accept(new CheckReport(id, lease.lapsedOut(), "dead-lettered", "lease-lapsed", Duration.ZERO));
        }
        if (lease.attempt() == 0) {
            return false;
        }
        Vote vote;
        try {
            vote = runner.run(lease.check(), lease.result());
        } catch (RuntimeException e) { // a runner bug or I/O failure is the platform's, never the seller's
            vote = Vote.of("job-check", Vote.Kind.ERROR, "the check could not run: " + e.getMessage(), clock.instant());
        }
        if (Thread.currentThread().isInterrupted()) {
            // shutting down: record nothing (an embedded database closes its file under an interrupted
            // write); the attempt stays leased and is taken again, as a lapsed one, when the lease ends
            return true;
        }
        record(id, lease.attempt(), vote);
        return true;
    }

    private void record(JobId id, int attempt, Vote vote) {
        boolean decided = vote.kind() == Vote.Kind.PASS || vote.kind() == Vote.Kind.FAIL;
        var verdict = decided ? CheckVerdicts.of(vote, clock.instant()) : null;
        Outcome<String> recorded = Retrying.inTransaction(storage.tx(), () -> storage.jobs().loadJob(id)
                .<Outcome<String>>map(v -> {
                    Job job = v.value();
                    if (decided) {
                        job.decideCheck(attempt, verdict);
                    } else {
                        job.failCheckAttempt(attempt, vote.kind() + ": " + vote.summary(), clock.instant(), policy);
                    }
                    records.record(job, v.version());
                    CheckRun run = job.checkRun().orElseThrow();
                    if (decided) {
                        return Outcome.done(verdict.outcome() == Verdict.PASSED ? "passed" : "failed");
                    }
                    return Outcome.done(run.state() == CheckRun.State.DEAD_LETTERED ? "dead-lettered" : "retried");
                })
                .orElseGet(() -> Outcome.notFound("job", id)));
        String outcome = recorded instanceof Outcome.Done<String> d ? d.value() : "superseded";
        String reason = decided ? verdict.reason() : vote.kind().name().toLowerCase(java.util.Locale.ROOT);
        reports.accept(new CheckReport(id, attempt, outcome, reason, vote.took()));
    }

    private static JobResult resultOf(Job job) {
        return job.snapshot().result().orElseThrow(() -> new IllegalStateException("a VERIFYING job has a result"));
    }

    @Override
    public List<DeadLetteredCheck> deadLetteredChecks(int limit) {
        if (limit < 1 || limit > 500) {
            throw new IllegalArgumentException("limit must be 1..500");
        }
        return pending.deadLetteredChecks(limit).stream().map(s -> new DeadLetteredCheck(s.id(), s.parties().client(),
                s.parties().seller(), s.price(), s.check().kind(), s.run().orElseThrow())).toList();
    }

    @Override
    public Outcome<CheckRun> requeueCheck(JobId jobId) {
        return Retrying.inTransaction(storage.tx(), () -> storage.jobs().loadJob(jobId)
                .<Outcome<CheckRun>>map(v -> {
                    Job job = v.value();
                    job.requeueCheck(clock.instant());
                    records.record(job, v.version());
                    return Outcome.done(job.checkRun().orElseThrow());
                })
                .orElseGet(() -> Outcome.notFound("job", jobId)));
    }
}
