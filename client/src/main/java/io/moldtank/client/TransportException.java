package io.moldtank.client;

/** The server could not be reached, or its answer could not be read, after the retries that were safe. */
public final class TransportException extends MoldTankException {
    public TransportException(String message, Throwable cause) {
        super(message, cause);
    }
}
