package io.moldtank.client;

/** Anything the SDK could not do: the server refused ({@link ProblemException}) or could not be reached ({@link TransportException}). */
public abstract sealed class MoldTankException extends RuntimeException permits ProblemException, TransportException,
        WaitTimedOutException {
    MoldTankException(String message, Throwable cause) {
        super(message, cause);
    }
}
