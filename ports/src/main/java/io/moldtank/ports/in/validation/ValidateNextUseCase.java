package io.moldtank.ports.in.validation;

import java.util.Optional;

/** A worker takes the next queued submission, runs the validators and records the outcome. */
public interface ValidateNextUseCase {
    Optional<ValidationReport> validateNext(String workerId);
}
