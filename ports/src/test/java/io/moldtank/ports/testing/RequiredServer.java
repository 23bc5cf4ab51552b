package io.moldtank.ports.testing;

import org.opentest4j.TestAbortedException;

/**
 * What a test does when a server it needs (PostgreSQL, Redis, Docker, an EVM node) is unreachable:
 * with {@code CI=true} it fails with a clear message; elsewhere it is skipped, loudly, on stderr.
 */
public final class RequiredServer {

    private RequiredServer() {
    }

    /** Throws: an {@link AssertionError} in CI, a {@link TestAbortedException} (skip) elsewhere. */
    public static RuntimeException unavailable(String server, String address, String howToStart, Throwable cause) {
        String message = server + " is not reachable at " + address + " (" + describe(cause) + "). "
                + "Start it with: " + howToStart;
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            throw new AssertionError("CI=true and " + message, cause);
        }
        System.err.println();
        System.err.println("!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!");
        System.err.println("!!! SKIPPED: " + message);
        System.err.println("!!! (with CI=true this is a failure)");
        System.err.println("!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!");
        throw new TestAbortedException("SKIPPED: " + message, cause);
    }

    /** An environment variable, or {@code fallback} when it is unset or blank. */
    public static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    private static String describe(Throwable cause) {
        if (cause == null) {
            return "no detail";
        }
        Throwable root = cause;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
