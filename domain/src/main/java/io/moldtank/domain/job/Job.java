package io.moldtank.domain.job;

import static io.moldtank.domain.job.JobRefusal.ILLEGAL_TRANSITION;
import static io.moldtank.domain.job.JobRefusal.ZERO_PRICE;
import static io.moldtank.domain.job.JobStatus.AGREED;
import static io.moldtank.domain.job.JobStatus.CANCELLED;
import static io.moldtank.domain.job.JobStatus.COMPLETED;
import static io.moldtank.domain.job.JobStatus.DELIVERED;
import static io.moldtank.domain.job.JobStatus.FAILED;
import static io.moldtank.domain.job.JobStatus.FUNDED;
import static io.moldtank.domain.job.JobStatus.IN_PROGRESS;
import static io.moldtank.domain.job.JobStatus.PROPOSED;

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
 * anything; a successful move records a {@link JobEvent}. The fee schedule is fixed when the job
 * is proposed, so the fees both parties agreed to are the fees they pay.
 */
public final class Job {
    private final JobId id;
    private final JobParties parties;
    private final Usdc price;
    private final FeeSchedule fees;
    private final EventLog events = new EventLog();
    private JobStatus status;
    private JobResult result;

    private Job(JobSnapshot s) {
        this.id = s.id();
        this.parties = s.parties();
        this.price = s.price();
        this.fees = s.fees();
        this.status = s.status();
        this.result = s.result().orElse(null);
    }

    /** The client proposes a job to a seller; throws {@code client-is-seller} or {@code zero-price}. */
    public static Job propose(JobId id, JobParties parties, Usdc price, FeeSchedule fees, Instant at) {
        if (price.isZero()) {
            throw new Rejection(ZERO_PRICE, "job " + id + " has no price");
        }
        Job job = new Job(new JobSnapshot(id, parties, price, fees, PROPOSED, Optional.empty()));
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

    /** The client records the verification verdict: PASSED completes the job, FAILED refunds the client. */
    public void verify(AgentId by, Verdict verdict, Instant at) {
        parties.requireClient(by, "verify");
        boolean passed = verdict == Verdict.PASSED;
        move(Set.of(DELIVERED), passed ? COMPLETED : FAILED, "verify");
        events.record(passed
            ? new JobCompleted(id, parties, fees.splitPrice(price), fees.verificationFee(), at)
            : new JobFailed(id, parties, price, fees.verificationFee(), at));
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
        boolean mayLook = parties.seller().equals(viewer) || status == COMPLETED;
        return mayLook ? new ResultView.Visible(result) : new ResultView.Redacted();
    }

    private void move(Set<JobStatus> from, JobStatus to, String what) {
        if (!from.contains(status)) {
            throw new Rejection(ILLEGAL_TRANSITION, "cannot " + what + " job " + id + " while " + status);
        }
        status = to;
    }

    public JobSnapshot snapshot() {
        return new JobSnapshot(id, parties, price, fees, status, Optional.ofNullable(result));
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

    public JobStatus status() {
        return status;
    }

    public EventLog events() {
        return events;
    }
}
