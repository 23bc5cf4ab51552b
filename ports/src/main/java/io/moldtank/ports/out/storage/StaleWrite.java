package io.moldtank.ports.out.storage;

/** Someone saved the same aggregate first; the caller reloads and tries again. Nothing was written. */
public final class StaleWrite extends RuntimeException {
    public StaleWrite(String what) {
        super("concurrent update of " + what);
    }
}
