package io.moldtank.adapters.sandbox;

/** The sandbox itself failed (engine gone, I/O error): the code was not judged, so no verdict follows. */
final class SandboxFailure extends RuntimeException {
    SandboxFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
