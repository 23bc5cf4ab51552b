package io.moldtank.ports.out.guard;

/** The nonce store or rate limiter's storage could not be reached or failed. */
public final class GuardUnavailableException extends RuntimeException {
    public GuardUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
