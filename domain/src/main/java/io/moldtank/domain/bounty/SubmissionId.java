package io.moldtank.domain.bounty;

import java.util.Objects;
import java.util.UUID;

public record SubmissionId(UUID value) {
    public SubmissionId {
        Objects.requireNonNull(value, "submissionId");
    }

    public static SubmissionId parse(String text) {
        return new SubmissionId(UUID.fromString(text));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
