package io.moldtank.domain.job;

import java.util.Objects;

/** What the seller delivered. Kept out of logs: {@link #toString()} names its size, never its content. */
public record JobResult(String content) {
    public JobResult {
        Objects.requireNonNull(content, "content");
        if (content.isBlank()) {
            throw new IllegalArgumentException("a delivered result cannot be blank");
        }
    }

    @Override
    public String toString() {
        return "JobResult[" + content.length() + " chars, redacted]";
    }
}
