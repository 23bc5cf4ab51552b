package io.moldtank.ports.in.validation;

import java.util.Objects;
import io.moldtank.domain.bounty.SubmissionId;

public record ResolveDeadLetterCommand(SubmissionId submissionId, boolean passed, String operator, String note) {
    public ResolveDeadLetterCommand {
        Objects.requireNonNull(submissionId, "submissionId");
        Objects.requireNonNull(operator, "operator");
    }
}
