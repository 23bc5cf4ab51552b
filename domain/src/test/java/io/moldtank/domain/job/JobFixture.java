package io.moldtank.domain.job;

import io.moldtank.domain.agent.AgentId;
import io.moldtank.domain.money.BasisPoints;
import io.moldtank.domain.money.FeeSchedule;
import io.moldtank.domain.money.Usdc;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** A client hiring a seller for 100 USDC under a 2.5 % cut, 0.05 storage and 0.10 verification. */
final class JobFixture {
    static final Instant T0 = Instant.parse("2025-01-01T00:00:00Z");
    static final AgentId CLIENT = new AgentId(UUID.fromString("00000000-0000-0000-0000-00000000000c"));
    static final AgentId SELLER = new AgentId(UUID.fromString("00000000-0000-0000-0000-00000000000e"));
    static final AgentId STRANGER = new AgentId(UUID.fromString("00000000-0000-0000-0000-0000000000ff"));
    static final JobId JOB = new JobId(UUID.fromString("00000000-0000-0000-0000-000000000001"));
    static final JobParties PARTIES = new JobParties(CLIENT, SELLER);
    static final Usdc PRICE = Usdc.ofWhole(100);
    static final FeeSchedule FEES =
        new FeeSchedule("standard", BasisPoints.of(250), Usdc.parse("0.05"), Usdc.parse("0.10"));
    static final JobResult RESULT = new JobResult("the answer is 42");
    /** A script check that passes when the result mentions 42. */
    static final JobCheck CHECK = new JobCheck.Script(Map.of("check.sh", "grep -q 42\n"), "sh check.sh",
        Duration.ofSeconds(30));

    private JobFixture() {}

    static Job proposed() {
        return Job.propose(JOB, PARTIES, PRICE, FEES, T0);
    }

    static Job proposedChecked() {
        return Job.propose(JOB, PARTIES, PRICE, FEES, CHECK, T0);
    }

    /**
     * A job walked along the legal path until it reaches {@code status}, with its events drained. A
     * manual job, except for VERIFYING, which only a sandbox-checked job passes through.
     */
    static Job jobIn(JobStatus status) {
        Job job = status == JobStatus.VERIFYING ? proposedChecked() : proposed();
        switch (status) {
            case PROPOSED -> { }
            case CANCELLED -> job.cancel(CLIENT, T0);
            case VERIFYING -> {
                walk(job, JobStatus.DELIVERED);
                job.requestCheck(CLIENT, T0);
            }
            default -> walk(job, status);
        }
        job.events().drain();
        return job;
    }

    /** A sandbox-checked job walked until it is delivered, with its events drained. */
    static Job checkedAndDelivered() {
        Job job = proposedChecked();
        walk(job, JobStatus.DELIVERED);
        job.events().drain();
        return job;
    }

    private static void walk(Job job, JobStatus target) {
        job.accept(SELLER, T0);
        if (target == JobStatus.AGREED) {
            return;
        }
        job.fund(CLIENT, T0);
        if (target == JobStatus.FUNDED) {
            return;
        }
        job.start(SELLER, T0);
        if (target == JobStatus.IN_PROGRESS) {
            return;
        }
        job.deliver(SELLER, RESULT, T0);
        if (target == JobStatus.DELIVERED) {
            return;
        }
        job.verify(CLIENT, target == JobStatus.COMPLETED ? Verdict.PASSED : Verdict.FAILED, T0);
    }
}
