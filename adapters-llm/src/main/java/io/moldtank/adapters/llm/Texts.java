package io.moldtank.adapters.llm;

/** Small text helpers for what goes into votes and logs. */
final class Texts {
    static final String TRUNCATED = "…[truncated]";

    private Texts() {
    }

    static String truncate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max) + TRUNCATED;
    }

    /** Servers sometimes echo the key in an error message; it must never reach a vote or a log. */
    static String redact(String s, String secret) {
        return secret.isEmpty() || s == null ? s : s.replace(secret, "(redacted)");
    }
}
