package io.moldtank.domain.bounty;

import static io.moldtank.domain.bounty.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import net.jqwik.api.*;
import net.jqwik.api.constraints.Size;

/**
 * For any arrival order and any order in which verdicts complete, the winner is the lowest-sequence
 * passing submission, and there is never more than one.
 */
class FifoAwardProperties {

    @Property(tries = 1000)
    void the_winner_is_the_lowest_sequence_pass_whatever_order_verdicts_arrive_in(
            @ForAll @Size(min = 1, max = 12) List<Boolean> passes, @ForAll Random random) {
        Bounty b = openBounty();
        for (int i = 0; i < passes.size(); i++) {
            b.submit(submissionId(i + 1), agent(i + 2), content("s" + i).hash(), NOW);
        }
        List<Integer> completionOrder = new ArrayList<>();
        for (int i = 0; i < passes.size(); i++) {
            completionOrder.add(i);
        }
        Collections.shuffle(completionOrder, random);

        int awards = 0;
        for (int i : completionOrder) {
            Optional<BountyEvent.Awarded> awarded = b.recordVerdict(submissionId(i + 1), passes.get(i), NOW);
            if (awarded.isPresent()) {
                awards++;
                long seq = b.slots().stream().filter(s -> s.submissionId().equals(awarded.get().submissionId()))
                        .findFirst().orElseThrow().sequence();
                // every earlier submission already had a final verdict when the award was made
                assertThat(b.slots()).filteredOn(s -> s.sequence() < seq).allMatch(s -> s.standing() == Standing.FAILED);
            }
        }
        int firstPass = passes.indexOf(true);
        assertThat(awards).isLessThanOrEqualTo(1);
        if (firstPass < 0) {
            assertThat(b.winner()).isEmpty();
            assertThat(b.status()).isEqualTo(BountyStatus.OPEN);
        } else {
            assertThat(b.winner()).contains(submissionId(firstPass + 1));
            assertThat(b.status()).isEqualTo(BountyStatus.AWARDED);
        }
    }

    @Property(tries = 500)
    void the_policy_alone_names_no_winner_while_an_earlier_verdict_is_pending(
            @ForAll @Size(min = 1, max = 10) List<Standing> standings) {
        List<SubmissionSlot> slots = new ArrayList<>();
        for (int i = 0; i < standings.size(); i++) {
            slots.add(new SubmissionSlot(i + 1, submissionId(i + 1), agent(i + 2), content("x" + i).hash(), NOW,
                    standings.get(i)));
        }
        Collections.reverse(slots);
        Optional<SubmissionSlot> winner = FifoAwardPolicy.winner(slots);
        int firstNonFailed = 0;
        while (firstNonFailed < standings.size() && standings.get(firstNonFailed) == Standing.FAILED) {
            firstNonFailed++;
        }
        boolean expectWinner = firstNonFailed < standings.size() && standings.get(firstNonFailed) == Standing.PASSED;
        assertThat(winner.isPresent()).isEqualTo(expectWinner);
        long expectedSequence = firstNonFailed + 1L;
        winner.ifPresent(w -> assertThat(w.sequence()).isEqualTo(expectedSequence));
    }
}
