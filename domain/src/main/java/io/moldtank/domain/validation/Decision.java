package io.moldtank.domain.validation;

/** What a {@link QuorumPolicy} makes of one round of votes. */
public sealed interface Decision {

    /** Final: enough PASS votes. */
    record Passed(int passes, int fails, int errors) implements Decision {
    }

    /** Final: a pass can no longer be reached. */
    record Failed(int passes, int fails, int errors) implements Decision {
    }

    /** Not final yet: validators still have to answer. */
    record Waiting(int outstanding) implements Decision {
    }

    /** Every validator answered but errors/timeouts left the outcome open: retry the round. */
    record Undecided(int passes, int fails, int errors) implements Decision {
    }

    default boolean isFinal() {
        return this instanceof Passed || this instanceof Failed;
    }
}
