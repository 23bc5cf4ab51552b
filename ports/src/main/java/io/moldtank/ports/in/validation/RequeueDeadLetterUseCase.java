package io.moldtank.ports.in.validation;

import io.moldtank.domain.bounty.SubmissionId;
import io.moldtank.domain.bounty.SubmissionSnapshot;
import io.moldtank.ports.in.Outcome;
import java.util.Objects;

/** A person sends a dead-lettered submission back for one more validation round. */
public interface RequeueDeadLetterUseCase {
    Outcome<SubmissionSnapshot> requeue(RequeueDeadLetterCommand command);

    record RequeueDeadLetterCommand(SubmissionId submissionId, String operator) {
        public RequeueDeadLetterCommand {
            Objects.requireNonNull(submissionId, "submissionId");
            Objects.requireNonNull(operator, "operator");
        }
    }
}
