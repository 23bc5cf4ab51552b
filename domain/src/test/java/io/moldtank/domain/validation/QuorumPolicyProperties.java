package io.moldtank.domain.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.*;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

/** Consensus gives the right decision for every combination of pass / fail / error / timeout votes. */
class QuorumPolicyProperties {
    private static final Instant AT = Instant.parse("2026-11-24T12:00:00Z");

    private static List<Vote> round(List<Vote.Kind> kinds) {
        List<Vote> votes = new ArrayList<>();
        for (int i = 0; i < kinds.size(); i++) {
            votes.add(Vote.of("validator-" + i, kinds.get(i), "", AT));
        }
        return votes;
    }

    @Property(tries = 2000)
    void the_decision_follows_the_k_of_n_rule(@ForAll @IntRange(min = 1, max = 5) int n,
                                              @ForAll @IntRange(min = 1, max = 5) int k,
                                              @ForAll @Size(max = 5) List<Vote.Kind> kinds) {
        Assume.that(k <= n && kinds.size() <= n);
        Decision d = new QuorumPolicy(k, n).decide(round(kinds));
        long pass = kinds.stream().filter(x -> x == Vote.Kind.PASS).count();
        long fail = kinds.stream().filter(x -> x == Vote.Kind.FAIL).count();
        long outstanding = n - kinds.size();
        if (pass >= k) {
            assertThat(d).isInstanceOf(Decision.Passed.class);
        } else if (n - fail < k) {
            assertThat(d).isInstanceOf(Decision.Failed.class);
        } else if (outstanding > 0) {
            assertThat(d).isEqualTo(new Decision.Waiting((int) outstanding));
        } else {
            assertThat(d).isInstanceOf(Decision.Undecided.class);
        }
    }

    @Property
    void errors_and_timeouts_never_decide_on_their_own(@ForAll @Size(min = 1, max = 3) List<Vote.@From("notVotes") Kind> kinds) {
        Decision d = new QuorumPolicy(1, kinds.size()).decide(round(kinds));
        assertThat(d.isFinal()).isFalse();
    }

    @Provide
    Arbitrary<Vote.Kind> notVotes() {
        return Arbitraries.of(Vote.Kind.ERROR, Vote.Kind.TIMEOUT);
    }

    @Test
    void one_of_one_and_two_of_three_on_the_cases_that_matter() {
        var p1 = QuorumPolicy.ONE_OF_ONE;
        assertThat(p1.decide(round(List.of(Vote.Kind.PASS)))).isInstanceOf(Decision.Passed.class);
        assertThat(p1.decide(round(List.of(Vote.Kind.FAIL)))).isInstanceOf(Decision.Failed.class);
        assertThat(p1.decide(round(List.of(Vote.Kind.ERROR)))).isInstanceOf(Decision.Undecided.class);
        var p2 = QuorumPolicy.TWO_OF_THREE;
        assertThat(p2.decide(round(List.of(Vote.Kind.PASS, Vote.Kind.PASS)))).isInstanceOf(Decision.Passed.class);
        assertThat(p2.decide(round(List.of(Vote.Kind.PASS, Vote.Kind.FAIL)))).isInstanceOf(Decision.Waiting.class);
        assertThat(p2.decide(round(List.of(Vote.Kind.PASS, Vote.Kind.FAIL, Vote.Kind.TIMEOUT))))
                .isInstanceOf(Decision.Undecided.class);
        assertThat(p2.decide(round(List.of(Vote.Kind.FAIL, Vote.Kind.ERROR, Vote.Kind.FAIL))))
                .isInstanceOf(Decision.Failed.class);
    }

    @Test
    void a_validator_voting_twice_in_a_round_is_a_bug() {
        var twice = List.of(Vote.of("claude", Vote.Kind.PASS, "", AT), Vote.of("claude", Vote.Kind.PASS, "", AT));
        assertThatThrownBy(() -> QuorumPolicy.TWO_OF_THREE.decide(twice)).isInstanceOf(IllegalArgumentException.class);
    }
}
