package io.moldtank.domain.validation;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * One validator's result for one attempt. ERROR and TIMEOUT are kept (with their details) but are
 * not votes: they never count towards pass or fail.
 */
public record Vote(String validator, Kind kind, String summary, Map<String, String> details,
                   Duration took, Instant at) {

    public enum Kind {
        PASS, FAIL, ERROR, TIMEOUT;

        public boolean counts() {
            return this == PASS || this == FAIL;
        }
    }

    public Vote {
        if (validator == null || validator.isBlank()) {
            throw new IllegalArgumentException("a vote names its validator");
        }
        Objects.requireNonNull(kind, "kind");
        summary = summary == null ? "" : summary;
        details = details == null ? Map.of() : Map.copyOf(details);
        Objects.requireNonNull(took, "took");
        Objects.requireNonNull(at, "at");
    }

    public static Vote of(String validator, Kind kind, String summary, Instant at) {
        return new Vote(validator, kind, summary, Map.of(), Duration.ZERO, at);
    }
}
