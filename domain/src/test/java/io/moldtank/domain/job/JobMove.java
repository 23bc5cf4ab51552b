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
    ACCEPT(SELLER, EnumSet.of(JobStatus.PROPOSED), JobStatus.AGREED, (job, by) -> job.accept(by, T0)),
    FUND(CLIENT, EnumSet.of(JobStatus.AGREED), JobStatus.FUNDED, (job, by) -> job.fund(by, T0)),
    START(SELLER, EnumSet.of(JobStatus.FUNDED), JobStatus.IN_PROGRESS, (job, by) -> job.start(by, T0)),
    DELIVER(SELLER, EnumSet.of(JobStatus.IN_PROGRESS), JobStatus.DELIVERED, (job, by) -> job.deliver(by, RESULT, T0)),
    PASS(CLIENT, EnumSet.of(JobStatus.DELIVERED), JobStatus.COMPLETED, (job, by) -> job.verify(by, Verdict.PASSED, T0)),
    FAIL(CLIENT, EnumSet.of(JobStatus.DELIVERED), JobStatus.FAILED, (job, by) -> job.verify(by, Verdict.FAILED, T0)),
    CANCEL(null, EnumSet.of(JobStatus.PROPOSED, JobStatus.AGREED), JobStatus.CANCELLED, (job, by) -> job.cancel(by, T0));

    /** The one party allowed to make the move, or null when either may. */
    final AgentId actor;
    final Set<JobStatus> from;
    final JobStatus to;
    private final BiConsumer<Job, AgentId> action;

    JobMove(AgentId actor, Set<JobStatus> from, JobStatus to, BiConsumer<Job, AgentId> action) {
        this.actor = actor;
        this.from = from;
        this.to = to;
        this.action = action;
    }

    void by(Job job, AgentId who) {
        action.accept(job, who);
    }

    /** Whether {@code who} may make this move at all, whatever the status. */
    boolean mayBeMadeBy(AgentId who) {
        return actor == null ? who.equals(CLIENT) || who.equals(SELLER) : actor.equals(who);
    }

    AgentId rightParty() {
        return actor == null ? CLIENT : actor;
    }

    AgentId otherParty() {
        return actor == CLIENT ? SELLER : CLIENT;
    }
}
