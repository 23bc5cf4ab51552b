package io.moldtank.domain.job;

/** The outcome of verifying a delivered result (acceptance tests or script in the sandbox). */
public enum Verdict {
    PASSED,
    FAILED
}
