package io.moldtank.domain.job;

import static io.moldtank.domain.job.JobRefusal.CHECK_ATTEMPT_SUPERSEDED;
import static io.moldtank.domain.job.JobRefusal.CHECK_NOT_DEAD_LETTERED;
import static io.moldtank.domain.job.JobRefusal.ILLEGAL_TRANSITION;
import static io.moldtank.domain.job.JobRefusal.VERDICT_ON_CHECKED_JOB;
import static io.moldtank.domain.job.JobRefusal.VERDICT_REQUIRED;
import static io.moldtank.domain.job.JobRefusal.ZERO_PRICE;
import static io.moldtank.domain.job.JobStatus.AGREED;
import static io.moldtank.domain.job.JobStatus.CANCELLED;
import static io.moldtank.domain.job.JobStatus.COMPLETED;
import static io.moldtank.domain.job.JobStatus.DELIVERED;
import static io.moldtank.domain.job.JobStatus.FAILED;
import static io.moldtank.domain.job.JobStatus.FUNDED;
import static io.moldtank.domain.job.JobStatus.IN_PROGRESS;
import static io.moldtank.domain.job.JobStatus.PROPOSED;
import static io.moldtank.domain.job.JobStatus.VERIFYING;

import io.moldtank.domain.agent.AgentId;
import io.moldtank.domain.money.FeeSchedule;
import io.moldtank.domain.money.Usdc;
import io.moldtank.domain.shared.EventLog;
import io.moldtank.domain.shared.Rejection;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A job one agent (client) hires another (seller) for, with the price in escrow (seed 003).
 * Each move checks who asks, then the status, and throws a {@link Rejection} before changing
 * anything; a successful move records a {@link JobEvent}. The fee schedule and the {@link JobCheck}
 * are fixed when the job is proposed, so the fees and the check both parties agreed to are the ones
 * that apply. A manual job ends with the client's verdict; a sandbox-checked one goes DELIVERED →
 * VERIFYING when the client asks (the fee is charged then, once) and ends with its check's verdict,
 * recorded once per job however many attempts the platform needed ({@link CheckRun}).
 */
public final class Job {
    private final JobId id;
    private final JobParties parties;
    private final Usdc price;
    private final FeeSchedule fees;
    private final JobCheck check;
    private final EventLog events = new EventLog();
    private JobStatus status;
    private JobResult result;
    private CheckRun run;

    private Job(JobSnapshot s) {
        this.id = s.id();
        this.parties = s.parties();
        this.price = s.price();
        this.fees = s.fees();
        this.check = s.check();
        this.status = s.status();
        this.result = s.result().orElse(null);
        this.run = s.run().orElse(null);
    }

    /** A job checked by hand; see {@link #propose(JobId, JobParties, Usdc, FeeSchedule, JobCheck, Instant)}. */
    public static Job propose(JobId id, JobParties parties, Usdc price, FeeSchedule fees, Instant at) {
        return propose(id, parties, price, fees, JobCheck.MANUAL, at);
    }

    /** The client proposes a job to a seller; throws {@code client-is-seller} or {@code zero-price}. */
    public static Job propose(JobId id, JobParties parties, Usdc price, FeeSchedule fees, JobCheck check, Instant at) {
        if (price.isZero()) {
            throw new Rejection(ZERO_PRICE, "job " + id + " has no price");
        }
        Job job = new Job(new JobSnapshot(id, parties, price, fees, PROPOSED, Optional.empty(), check,
                Optional.empty()));
        job.events.record(new JobProposed(id, parties, price, fees, at));
        return job;
    }

    public static Job restore(JobSnapshot snapshot) {
        return new Job(snapshot);
    }

    public void accept(AgentId by, Instant at) {
        parties.requireSeller(by, "accept");
        move(Set.of(PROPOSED), AGREED, "accept");
        events.record(new JobAgreed(id, at));
    }

    public void fund(AgentId by, Instant at) {
        parties.requireClient(by, "fund");
        move(Set.of(AGREED), FUNDED, "fund");
        events.record(new JobFunded(id, parties.client(), price, at));
    }

    public void start(AgentId by, Instant at) {
        parties.requireSeller(by, "start");
        move(Set.of(FUNDED), IN_PROGRESS, "start");
        events.record(new JobStarted(id, at));
    }

    public void deliver(AgentId by, JobResult delivered, Instant at) {
        Objects.requireNonNull(delivered, "delivered");
        parties.requireSeller(by, "deliver");
        move(Set.of(IN_PROGRESS), DELIVERED, "deliver");
        result = delivered;
        events.record(new JobDelivered(id, parties.seller(), fees.storageFee(), at));
    }

    /**
     * The client records the verdict of a manual job: PASSED completes it, FAILED refunds the client.
     * A sandbox-checked job refuses it in any status ({@code verdict-on-checked-job}): its check decides.
     */
    public void verify(AgentId by, Verdict verdict, Instant at) {
        parties.requireClient(by, "verify");
        if (check instanceof JobCheck.Sandboxed) { // whatever the status: this job never takes a verdict
            throw new Rejection(VERDICT_ON_CHECKED_JOB, "job " + id + " is checked in the sandbox: send no verdict");
        }
        requireStatus(Set.of(DELIVERED), "verify");
        finish(verdict == Verdict.PASSED, fees.verificationFee(), at);
    }

    /**
     * The client asks the platform to check the delivered result in the sandbox: the job becomes
     * VERIFYING with its check queued, and the verification fee is charged now, once, whatever the
     * verdict. A manual job refuses it in any status ({@code verdict-required}).
     */
    public void requestCheck(AgentId by, Instant at) {
        parties.requireClient(by, "verify");
        if (!(check instanceof JobCheck.Sandboxed)) { // as a verify without its verdict always was: a bad request
            throw new Rejection(VERDICT_REQUIRED, "job " + id + " is checked by hand: send the verdict");
        }
        requireStatus(Set.of(DELIVERED), "verify");
        status = VERIFYING;
        run = CheckRun.queued(at);
        events.record(new JobCheckQueued(id, parties.client(), fees.verificationFee(), at));
    }

    /**
     * A worker takes the check: its attempt number (1, 2, ...), or 0 when nothing is due. A RUNNING
     * check whose lease ran out lost its worker: that try counts as failed, and when it was the last
     * the check is dead-lettered (nothing is charged or paid for it).
     */
    public int startCheckAttempt(Instant now, CheckPolicy policy) {
        if (status != VERIFYING || run.dueAt() == null || now.isBefore(run.dueAt())) {
            return 0;
        }
        if (run.state() == CheckRun.State.RUNNING) {
            String lapsed = "attempt " + run.attempts() + ": the worker's lease ran out";
            if (run.attempts() >= policy.maxAttempts()) {
                run = run.deadLettered(lapsed);
                return 0;
            }
            run = run.retried(lapsed, now);
        }
        run = run.started(now, policy.lease());
        return run.attempts();
    }

    /** The sandbox could not run this attempt: tried again after the policy's back-off, or dead-lettered after the last. */
    public void failCheckAttempt(int attempt, String error, Instant now, CheckPolicy policy) {
        requireCurrentAttempt(attempt);
        run = attempt >= policy.maxAttempts() ? run.deadLettered(error)
                : run.retried(error, now.plus(policy.retryAfter(attempt)));
    }

    /** The check decided: PASSED releases escrow to the seller less the cut, FAILED refunds the client. */
    public void decideCheck(int attempt, CheckVerdict verdict) {
        requireCurrentAttempt(attempt);
        run = run.decided(verdict);
        finish(verdict.outcome() == Verdict.PASSED, Usdc.ZERO, verdict.decidedAt());
    }

    /** An operator queues a dead-lettered check again, with a fresh set of attempts. */
    public void requeueCheck(Instant now) {
        if (status != VERIFYING || run.state() != CheckRun.State.DEAD_LETTERED) {
            throw new Rejection(CHECK_NOT_DEAD_LETTERED, "job " + id + " has no dead-lettered check");
        }
        run = run.requeued(now);
    }

    private void requireCurrentAttempt(int attempt) {
        if (status != VERIFYING || run.state() != CheckRun.State.RUNNING || run.attempts() != attempt) {
            throw new Rejection(CHECK_ATTEMPT_SUPERSEDED, "attempt " + attempt + " is not job " + id + "'s running check");
        }
    }

    private void finish(boolean passed, Usdc verificationFee, Instant at) {
        status = passed ? COMPLETED : FAILED;
        events.record(passed
            ? new JobCompleted(id, parties, fees.splitPrice(price), verificationFee, at)
            : new JobFailed(id, parties, price, verificationFee, at));
    }

    /** Either party may walk away before money is in escrow; after that, only verification ends a job. */
    public void cancel(AgentId by, Instant at) {
        parties.requireEither(by);
        move(Set.of(PROPOSED, AGREED), CANCELLED, "cancel");
        events.record(new JobCancelled(id, by, at));
    }

    /**
     * The result as {@code viewer} may see it: the seller always; the client only once the job is
     * COMPLETED (it has paid); anyone else never.
     */
    public ResultView resultFor(AgentId viewer) {
        if (!parties.includes(viewer)) {
            return new ResultView.Redacted();
        }
        if (result == null) {
            return new ResultView.NotDelivered();
        }
        return mayLook(viewer) ? new ResultView.Visible(result) : new ResultView.Redacted();
    }

    /**
     * The check's progress and verdict as {@code viewer} may see them: the parties only, and the run's
     * output tails (which may quote the result) only when the result itself is visible to them.
     */
    public Optional<CheckRun> checkRunFor(AgentId viewer) {
        if (run == null || !parties.includes(viewer)) {
            return Optional.empty();
        }
        return Optional.of(mayLook(viewer) ? run : run.withoutOutput());
    }

    private boolean mayLook(AgentId party) {
        return parties.seller().equals(party) || status == COMPLETED;
    }

    private void move(Set<JobStatus> from, JobStatus to, String what) {
        requireStatus(from, what);
        status = to;
    }

    private void requireStatus(Set<JobStatus> from, String what) {
        if (!from.contains(status)) {
            throw new Rejection(ILLEGAL_TRANSITION, "cannot " + what + " job " + id + " while " + status);
        }
    }

    public JobSnapshot snapshot() {
        return new JobSnapshot(id, parties, price, fees, status, Optional.ofNullable(result), check,
                Optional.ofNullable(run));
    }

    public JobId id() {
        return id;
    }

    public JobParties parties() {
        return parties;
    }

    public Usdc price() {
        return price;
    }

    public FeeSchedule fees() {
        return fees;
    }

    public JobCheck check() {
        return check;
    }

    /** The check's full run, output included: for workers and operators, never for agents ({@link #checkRunFor}). */
    public Optional<CheckRun> checkRun() {
        return Optional.ofNullable(run);
    }

    public JobStatus status() {
        return status;
    }

    public EventLog events() {
        return events;
    }
}
