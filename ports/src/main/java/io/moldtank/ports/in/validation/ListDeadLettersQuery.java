package io.moldtank.ports.in.validation;

import io.moldtank.domain.bounty.SubmissionSnapshot;
import java.util.List;

/** Operator: submissions no validator round could decide, waiting for a person; oldest received first. */
public interface ListDeadLettersQuery {
    List<SubmissionSnapshot> deadLettered(int limit);
}
