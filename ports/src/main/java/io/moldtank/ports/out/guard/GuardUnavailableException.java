package io.moldtank.ports.out.guard;

/** The nonce store, rate limiter or idempotency store could not reach its storage, or it failed. */
public final class GuardUnavailableException extends RuntimeException {
    public GuardUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
