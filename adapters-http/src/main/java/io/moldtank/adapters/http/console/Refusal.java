package io.moldtank.adapters.http.console;

/** An action the console will not do (bad input, wrong state, not signed in): shown to the operator, not a bug. */
final class Refusal extends RuntimeException {
    private final int status;

    Refusal(int status, String message) {
        super(message, null, false, false);
        this.status = status;
    }

    int status() {
        return status;
    }
}
