package io.moldtank.domain.bounty;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The winner is the lowest-sequence submission that passed, and it can only be named once every
 * earlier submission has a final verdict: a fast later pass waits for slower earlier ones.
 */
public final class FifoAwardPolicy {
    private FifoAwardPolicy() {
    }

    public static Optional<SubmissionSlot> winner(List<SubmissionSlot> slots) {
        List<SubmissionSlot> ordered = slots.stream().sorted(Comparator.comparingLong(SubmissionSlot::sequence)).toList();
        for (SubmissionSlot slot : ordered) {
            switch (slot.standing()) {
                case PASSED -> {
                    return Optional.of(slot);
                }
                case PENDING -> {
                    return Optional.empty();
                }
                case FAILED -> {
                    // an earlier failure never blocks; keep looking
                }
            }
        }
        return Optional.empty();
    }
}
