package io.moldtank.ports.out.validation;

import io.moldtank.domain.validation.Vote;

/**
 * One judge: a test runner in a sandbox, or an LLM. Must always return a vote; a judge that cannot
 * decide answers ERROR or TIMEOUT, never PASS.
 */
public interface Validator {
    String name();

    Vote validate(ValidationRequest request);

    /**
     * A second opinion runs after the panel's other validators and sees their votes in
     * {@link ValidationRequest#evidence()} (an LLM judge reading the test runner's report for tampering).
     */
    default boolean wantsEvidence() {
        return false;
    }
}
