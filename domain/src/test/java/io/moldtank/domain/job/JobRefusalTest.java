package io.moldtank.domain.job;

import static io.moldtank.domain.job.JobFixture.CLIENT;
import static io.moldtank.domain.job.JobFixture.FEES;
import static io.moldtank.domain.job.JobFixture.JOB;
import static io.moldtank.domain.job.JobFixture.STRANGER;
import static io.moldtank.domain.job.JobFixture.T0;
import static io.moldtank.domain.job.JobFixture.jobIn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.moldtank.domain.agent.AgentId;
import io.moldtank.domain.money.Usdc;
import io.moldtank.domain.shared.Rejection;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

class JobRefusalTest {

    static Stream<Arguments> illegalMoves() {
        return Arrays.stream(JobStatus.values()).flatMap(status -> Arrays.stream(JobMove.values())
            .filter(move -> !move.from.contains(status))
            .map(move -> Arguments.of(status, move)));
    }

    @ParameterizedTest(name = "{1} from {0} is an illegal transition")
    @MethodSource("illegalMoves")
    void a_move_from_the_wrong_status_is_refused_and_changes_nothing(JobStatus status, JobMove move) {
        // only a sandbox-checked job is VERIFYING, and such a job refuses a verdict for what it is
        boolean verdict = move == JobMove.PASS || move == JobMove.FAIL;
        assertRefusedUnchanged(jobIn(status), move, move.rightParty(), status == JobStatus.VERIFYING && verdict
                ? JobRefusal.VERDICT_ON_CHECKED_JOB : JobRefusal.ILLEGAL_TRANSITION);
    }

    @ParameterizedTest(name = "{0} by the other party is refused")
    @EnumSource(value = JobMove.class, names = "CANCEL", mode = EnumSource.Mode.EXCLUDE)
    void a_move_by_the_other_party_is_a_wrong_party_refusal(JobMove move) {
        JobStatus from = move.from.iterator().next();
        assertRefusedUnchanged(jobIn(from), move, move.otherParty(), JobRefusal.WRONG_PARTY);
    }

    @ParameterizedTest(name = "{0} by a stranger is refused")
    @EnumSource(JobMove.class)
    void a_move_by_an_agent_outside_the_job_is_refused(JobMove move) {
        JobStatus from = move.from.iterator().next();
        assertRefusedUnchanged(jobIn(from), move, STRANGER, JobRefusal.NOT_A_PARTY);
    }

    @Test
    void a_stranger_learns_nothing_about_the_status_from_the_refusal() {
        assertRefusedUnchanged(jobIn(JobStatus.COMPLETED), JobMove.ACCEPT, STRANGER, JobRefusal.NOT_A_PARTY);
    }

    @Test
    void an_agent_cannot_hire_itself() {
        assertThatThrownBy(() -> new JobParties(CLIENT, CLIENT)).isInstanceOfSatisfying(Rejection.class,
            r -> assertThat(r.reason()).isEqualTo(JobRefusal.CLIENT_IS_SELLER));
    }

    @Test
    void a_job_must_have_a_price() {
        assertThatThrownBy(() -> Job.propose(JOB, JobFixture.PARTIES, Usdc.ZERO, FEES, T0))
            .isInstanceOfSatisfying(Rejection.class, r -> assertThat(r.reason()).isEqualTo(JobRefusal.ZERO_PRICE));
    }

    private static void assertRefusedUnchanged(Job job, JobMove move, AgentId by,
                                               JobRefusal reason) {
        JobSnapshot before = job.snapshot();
        assertThatThrownBy(() -> move.by(job, by)).isInstanceOfSatisfying(Rejection.class,
            r -> assertThat(r.reason()).isEqualTo(reason));
        assertThat(job.snapshot()).isEqualTo(before);
        assertThat(job.events().peek()).isEmpty();
    }
}
