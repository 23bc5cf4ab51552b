package io.moldtank.domain.job;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Where a checked job's verification stands. It is part of the job, saved in the job's own
 * transaction, so queueing a check, leasing it to a worker, retrying and dead-lettering it are as
 * durable as the job's status. {@code dueAt}: when a QUEUED check may run next, or when a RUNNING
 * worker's lease ends; none once DEAD_LETTERED (waiting for an operator) or DONE (with its verdict).
 * {@code attempts} counts tries the sandbox could not finish plus the one running.
 */
public record CheckRun(State state, int attempts, Instant queuedAt, Instant dueAt, String lastError,
                       CheckVerdict verdict) {
    public static final int MAX_ERROR_CHARS = 500;

    public enum State {
        QUEUED, RUNNING, DEAD_LETTERED, DONE;

        /** Waiting for a worker or being run: what the queue depth counts. */
        public boolean waiting() {
            return this == QUEUED || this == RUNNING;
        }
    }

    public CheckRun {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(queuedAt, "queuedAt");
        if (attempts < 0 || (state == State.RUNNING && attempts < 1)) {
            throw new IllegalArgumentException("a " + state + " check cannot have " + attempts + " attempts");
        }
        if (state.waiting() != (dueAt != null)) {
            throw new IllegalArgumentException("a " + state + " check " + (state.waiting() ? "needs" : "has no") + " due time");
        }
        if ((state == State.DONE) != (verdict != null)) {
            throw new IllegalArgumentException("exactly a DONE check has a verdict");
        }
        if (lastError != null) {
            lastError = lastError.length() <= MAX_ERROR_CHARS ? lastError
                    : lastError.substring(0, MAX_ERROR_CHARS - 1) + "…";
        }
    }

    static CheckRun queued(Instant at) {
        return new CheckRun(State.QUEUED, 0, at, at, null, null);
    }

    CheckRun started(Instant now, Duration lease) {
        return new CheckRun(State.RUNNING, attempts + 1, queuedAt, now.plus(lease), lastError, null);
    }

    CheckRun retried(String error, Instant next) {
        return new CheckRun(State.QUEUED, attempts, queuedAt, next, error, null);
    }

    CheckRun deadLettered(String error) {
        return new CheckRun(State.DEAD_LETTERED, attempts, queuedAt, null, error, null);
    }

    CheckRun decided(CheckVerdict v) {
        return new CheckRun(State.DONE, attempts, queuedAt, null, lastError, v);
    }

    /** An operator's fresh start: the tries used so far are forgotten, the last error is kept. */
    CheckRun requeued(Instant now) {
        return new CheckRun(State.QUEUED, 0, queuedAt, now, lastError, null);
    }

    CheckRun withoutOutput() {
        return verdict == null ? this : new CheckRun(state, attempts, queuedAt, dueAt, lastError, verdict.withoutOutput());
    }
}
