package io.moldtank.ports.memory;

import static io.moldtank.ports.contract.StorageFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.moldtank.domain.bounty.Bounty;
import io.moldtank.domain.bounty.Standing;
import io.moldtank.domain.bounty.Submission;
import io.moldtank.domain.bounty.SubmissionId;
import io.moldtank.domain.bounty.SubmissionSlot;
import io.moldtank.ports.contract.StorageContract;
import io.moldtank.ports.out.storage.StaleWrite;
import io.moldtank.ports.service.Storage;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class InMemoryStorageTest implements StorageContract {
    @Override
    public Storage storage() {
        return Storage.of(new InMemoryStorage());
    }

    // The taken-sequence check reads an index kept beside the submissions; these pin that index to them.

    @Test
    void a_sequence_whose_submission_rolled_back_can_be_taken_again() {
        Storage s = storage();
        Bounty b = openBounty(agent(1).id(), 10, T0, "go");
        SubmissionSlot first = slot(1, 2, "a");
        assertThatThrownBy(() -> s.tx().inTransaction(() -> {
            s.saveSubmission().saveSubmission(Submission.received(b.id(), first, content("a")));
            throw new IllegalStateException("crash after the insert");
        })).hasMessageContaining("crash");
        Submission second = Submission.received(b.id(), slot(1, 3, "b"), content("b"));
        s.saveSubmission().saveSubmission(second);
        assertThat(s.loadSubmission().submissionsOf(b.id())).extracting(Submission::id).containsExactly(second.id());
    }

    @Test
    void a_sequence_is_taken_per_bounty_and_an_update_of_the_same_submission_is_no_clash() {
        Storage s = storage();
        Bounty one = openBounty(agent(1).id(), 10, T0, "go");
        Bounty two = openBounty(agent(1).id(), 10, T0, "go");
        Submission a = Submission.received(one.id(), slot(1, 2, "a"), content("a"));
        s.saveSubmission().saveSubmission(a);
        s.saveSubmission().saveSubmission(Submission.received(two.id(), slot(1, 2, "a"), content("a")));
        Submission again = s.loadSubmission().loadSubmission(a.id()).orElseThrow();
        s.saveSubmission().saveSubmission(again);
        assertThatThrownBy(() -> s.saveSubmission().saveSubmission(
                Submission.received(one.id(), slot(1, 4, "c"), content("c")))).isInstanceOf(StaleWrite.class);
        assertThat(s.loadSubmission().submissionsOf(one.id())).hasSize(1);
        assertThat(s.loadSubmission().submissionsOf(two.id())).hasSize(1);
    }

    private static SubmissionSlot slot(long sequence, int agent, String text) {
        return new SubmissionSlot(sequence, new SubmissionId(UUID.randomUUID()), agent(agent).id(), content(text).hash(),
                T0, Standing.PENDING);
    }
}
