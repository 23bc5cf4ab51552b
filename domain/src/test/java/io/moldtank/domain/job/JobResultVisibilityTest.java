package io.moldtank.domain.job;

import static io.moldtank.domain.job.JobFixture.CLIENT;
import static io.moldtank.domain.job.JobFixture.RESULT;
import static io.moldtank.domain.job.JobFixture.SELLER;
import static io.moldtank.domain.job.JobFixture.STRANGER;
import static io.moldtank.domain.job.JobFixture.jobIn;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class JobResultVisibilityTest {

    @ParameterizedTest
    @EnumSource(value = JobStatus.class, names = {"DELIVERED", "VERIFYING", "COMPLETED", "FAILED"})
    void the_seller_always_sees_what_it_delivered(JobStatus status) {
        assertThat(jobIn(status).resultFor(SELLER)).isEqualTo(new ResultView.Visible(RESULT));
    }

    @ParameterizedTest
    @EnumSource(value = JobStatus.class, names = {"DELIVERED", "VERIFYING", "FAILED"})
    void the_client_cannot_see_the_result_before_the_job_completes(JobStatus status) {
        assertThat(jobIn(status).resultFor(CLIENT)).isEqualTo(new ResultView.Redacted());
    }

    @Test
    void the_client_sees_the_result_once_the_job_completes() {
        assertThat(jobIn(JobStatus.COMPLETED).resultFor(CLIENT)).isEqualTo(new ResultView.Visible(RESULT));
    }

    @ParameterizedTest
    @EnumSource(JobStatus.class)
    void an_agent_outside_the_job_never_sees_the_result_nor_whether_there_is_one(JobStatus status) {
        assertThat(jobIn(status).resultFor(STRANGER)).isEqualTo(new ResultView.Redacted());
    }

    @ParameterizedTest
    @EnumSource(value = JobStatus.class, names = {"PROPOSED", "AGREED", "FUNDED", "IN_PROGRESS", "CANCELLED"})
    void the_parties_are_told_when_nothing_was_delivered_yet(JobStatus status) {
        assertThat(jobIn(status).resultFor(CLIENT)).isEqualTo(new ResultView.NotDelivered());
        assertThat(jobIn(status).resultFor(SELLER)).isEqualTo(new ResultView.NotDelivered());
    }
}
