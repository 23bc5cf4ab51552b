package io.moldtank.ports.in.validation;

import io.moldtank.ports.in.Outcome;
import io.moldtank.domain.bounty.SubmissionSnapshot;

/** A person decides a dead-lettered submission. */
public interface ResolveDeadLetterUseCase {
    Outcome<SubmissionSnapshot> resolve(ResolveDeadLetterCommand command);
}
