package io.moldtank.domain.validation;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * k-of-n consensus: a submission passes when {@code required} of the {@code validators} vote PASS,
 * and fails as soon as a pass has become impossible. Errors and timeouts are not votes, so a round
 * whose errors leave both outcomes open is {@link Decision.Undecided} and gets retried.
 */
public record QuorumPolicy(int required, int validators) {
    public static final QuorumPolicy ONE_OF_ONE = new QuorumPolicy(1, 1);
    public static final QuorumPolicy TWO_OF_THREE = new QuorumPolicy(2, 3);

    public QuorumPolicy {
        if (validators < 1 || required < 1 || required > validators) {
            throw new IllegalArgumentException("need 1 <= required <= validators, got " + required + "-of-" + validators);
        }
    }

    public Decision decide(List<Vote> round) {
        Set<String> seen = new HashSet<>();
        int passes = 0;
        int fails = 0;
        int errors = 0;
        for (Vote v : round) {
            if (!seen.add(v.validator())) {
                throw new IllegalArgumentException("validator voted twice in one round: " + v.validator());
            }
            switch (v.kind()) {
                case PASS -> passes++;
                case FAIL -> fails++;
                case ERROR, TIMEOUT -> errors++;
            }
        }
        if (seen.size() > validators) {
            throw new IllegalArgumentException(seen.size() + " votes for a " + this + " policy");
        }
        if (passes >= required) {
            return new Decision.Passed(passes, fails, errors);
        }
        if (validators - fails < required) {
            return new Decision.Failed(passes, fails, errors);
        }
        if (seen.size() < validators) {
            return new Decision.Waiting(validators - seen.size());
        }
        return new Decision.Undecided(passes, fails, errors);
    }

    @Override
    public String toString() {
        return required + "-of-" + validators;
    }
}
