package io.moldtank.domain.job;

import static io.moldtank.domain.job.JobFixture.CLIENT;
import static io.moldtank.domain.job.JobFixture.RESULT;
import static io.moldtank.domain.job.JobFixture.SELLER;
import static io.moldtank.domain.job.JobFixture.T0;

import io.moldtank.domain.agent.AgentId;
import java.util.EnumSet;
import java.util.Set;
import java.util.function.BiConsumer;

/** Every move on a job, who may make it and from where: the transition table the tests walk. */
enum JobMove {
    ACCEPT(SELLER, EnumSet.of(JobStatus.PROPOSED), (job, by) -> job.accept(by, T0)),
    FUND(CLIENT, EnumSet.of(JobStatus.AGREED), (job, by) -> job.fund(by, T0)),
    START(SELLER, EnumSet.of(JobStatus.FUNDED), (job, by) -> job.start(by, T0)),
    DELIVER(SELLER, EnumSet.of(JobStatus.IN_PROGRESS), (job, by) -> job.deliver(by, RESULT, T0)),
    PASS(CLIENT, EnumSet.of(JobStatus.DELIVERED), (job, by) -> job.verify(by, Verdict.PASSED, T0)),
    FAIL(CLIENT, EnumSet.of(JobStatus.DELIVERED), (job, by) -> job.verify(by, Verdict.FAILED, T0)),
    CANCEL(null, EnumSet.of(JobStatus.PROPOSED, JobStatus.AGREED), (job, by) -> job.cancel(by, T0));

    /** The one party allowed to make the move, or null when either may. */
    final AgentId actor;
    final Set<JobStatus> from;
    private final BiConsumer<Job, AgentId> action;

    JobMove(AgentId actor, Set<JobStatus> from, BiConsumer<Job, AgentId> action) {
        this.actor = actor;
        this.from = from;
        this.action = action;
    }

    void by(Job job, AgentId who) {
        action.accept(job, who);
    }

    AgentId rightParty() {
        return actor == null ? CLIENT : actor;
    }

    AgentId otherParty() {
        return actor == CLIENT ? SELLER : CLIENT;
    }
}
