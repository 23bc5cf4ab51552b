package io.moldtank.ports.in.submission;

import io.moldtank.ports.in.Outcome;
import io.moldtank.domain.bounty.SubmissionSnapshot;

/** A solver submits; the bounty stamps its sequence number and the submission joins the queue. */
public interface SubmitSolutionUseCase {
    Outcome<SubmissionSnapshot> submit(SubmitSolutionCommand command);
}
