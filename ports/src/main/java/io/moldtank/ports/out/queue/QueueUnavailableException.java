package io.moldtank.ports.out.queue;

/** The queue's storage could not be reached or failed; the operation did not take effect partially. */
public final class QueueUnavailableException extends RuntimeException {
    public QueueUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
