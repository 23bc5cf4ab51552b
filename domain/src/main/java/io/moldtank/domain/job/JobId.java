package io.moldtank.domain.job;

import java.util.Objects;
import java.util.UUID;

public record JobId(UUID value) {
    public JobId {
        Objects.requireNonNull(value, "jobId");
    }

    public static JobId parse(String text) {
        return new JobId(UUID.fromString(text));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
