package io.moldtank.ports.in.waiting;

import java.util.Objects;

/**
 * How a wait ended, with the last value read (null when it is not there, or when the wait was refused).
 * BUSY: every waiting slot was taken, nothing was read; the caller should come back shortly.
 */
public record Awaited<T>(T value, Ending ending) {

    public enum Ending {
        /** The state left the ones waited through (or already had at the first read). */
        CHANGED,
        /** The state can never change again; waiting longer would show nothing new. */
        SETTLED,
        /** The time ran out (or the waiting service was closing) with the state unchanged. */
        TIMED_OUT,
        /** The bound on concurrent waiters was reached. */
        BUSY
    }

    public Awaited {
        Objects.requireNonNull(ending, "ending");
    }
}
