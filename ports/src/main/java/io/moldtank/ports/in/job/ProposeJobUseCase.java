package io.moldtank.ports.in.job;

import io.moldtank.ports.in.Outcome;

/** A client proposes a job against a seller's active listing, at the listing's price. */
public interface ProposeJobUseCase {
    Outcome<JobView> propose(ProposeJobCommand command);
}
