package io.moldtank.domain.job;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The verdict record of a checked job: the outcome, why (a reason code such as {@code tests-failed},
 * {@code timeout} or {@code tampered}; null on PASS), a one-line summary, and the evidence a rerun
 * needs (image, command, input hashes, report, exit code). {@code output} holds the run's stdout and
 * stderr tails: they may quote the result, so {@link Job#checkRunFor} shows them to the client only
 * once the job is COMPLETED, like the result itself.
 */
public record CheckVerdict(Verdict outcome, String reason, String summary, Map<String, String> evidence,
                           Map<String, String> output, Duration took, Instant decidedAt) {
    public static final int MAX_ENTRIES = 24;
    public static final int MAX_VALUE_CHARS = 64 * 1024;
    private static final Pattern CODE = Pattern.compile("[a-z][a-z0-9-]{0,63}");
    private static final Pattern KEY = Pattern.compile("[A-Za-z][A-Za-z0-9]{0,39}");

    public CheckVerdict {
        Objects.requireNonNull(outcome, "outcome");
        if (outcome == Verdict.PASSED ? reason != null : reason == null || !CODE.matcher(reason).matches()) {
            throw new IllegalArgumentException("a FAILED verdict names its reason code, a PASSED one none: " + reason);
        }
        summary = summary == null ? "" : summary;
        if (summary.length() > 2000) {
            throw new IllegalArgumentException("a verdict summary is at most 2000 characters");
        }
        evidence = bounded("evidence", evidence);
        output = bounded("output", output);
        Objects.requireNonNull(took, "took");
        if (took.isNegative()) {
            throw new IllegalArgumentException("a check cannot take negative time");
        }
        Objects.requireNonNull(decidedAt, "decidedAt");
    }

    /** The record without its output tails: what the client sees before the job completes. */
    public CheckVerdict withoutOutput() {
        return new CheckVerdict(outcome, reason, summary, evidence, Map.of(), took, decidedAt);
    }

    private static Map<String, String> bounded(String what, Map<String, String> values) {
        values = values == null ? Map.of() : Map.copyOf(values);
        if (values.size() > MAX_ENTRIES) {
            throw new IllegalArgumentException("a verdict keeps at most " + MAX_ENTRIES + " " + what + " entries");
        }
        values.forEach((k, v) -> {
            if (!KEY.matcher(k).matches() || v.length() > MAX_VALUE_CHARS) {
                throw new IllegalArgumentException(what + " entry " + k + " is not a plain key with a value of at most "
                        + MAX_VALUE_CHARS + " characters");
            }
        });
        return values;
    }
}
