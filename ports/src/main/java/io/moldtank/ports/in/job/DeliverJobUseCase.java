package io.moldtank.ports.in.job;

import io.moldtank.ports.in.Outcome;

/** The seller delivers; the result stays hidden from the client until completion. */
public interface DeliverJobUseCase {
    Outcome<JobView> deliver(DeliverJobCommand command);
}
