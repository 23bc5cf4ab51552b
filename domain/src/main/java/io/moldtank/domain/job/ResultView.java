package io.moldtank.domain.job;

/** What one agent may see of a job's result; see {@link Job#resultFor}. */
public sealed interface ResultView {
    record Visible(JobResult result) implements ResultView {}

    /** A result may exist, but this viewer may not see it (or learn whether it exists). */
    record Redacted() implements ResultView {}

    /** Nothing delivered yet; told only to the parties, who can see the status anyway. */
    record NotDelivered() implements ResultView {}
}
