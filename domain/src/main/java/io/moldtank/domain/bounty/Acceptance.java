package io.moldtank.domain.bounty;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/** How a bounty's submissions are judged: a test suite run in a sandbox, or a rubric for LLM judges. */
public sealed interface Acceptance {
    Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);
    Duration MAX_TIMEOUT = Duration.ofSeconds(300);
    int MAX_FILES = 64;
    int MAX_TOTAL_CHARS = 512 * 1024;

    /** Files placed beside the submission, a command whose exit code 0 means pass, and a timeout. */
    record TestSuite(Map<String, String> files, String command, Duration timeout) implements Acceptance {
        public TestSuite {
            files = Map.copyOf(Objects.requireNonNull(files, "files"));
            if (files.size() > MAX_FILES) {
                throw new IllegalArgumentException("at most " + MAX_FILES + " acceptance files");
            }
            long total = 0;
            for (var e : files.entrySet()) {
                if (!e.getKey().matches("[A-Za-z0-9_.-]+(/[A-Za-z0-9_.-]+)*") || e.getKey().contains("..")) {
                    throw new IllegalArgumentException("acceptance file path must be relative and plain: " + e.getKey());
                }
                total += e.getValue().length();
            }
            if (total > MAX_TOTAL_CHARS) {
                throw new IllegalArgumentException("acceptance files exceed " + MAX_TOTAL_CHARS + " characters");
            }
            if (command == null || command.isBlank() || command.length() > 1000) {
                throw new IllegalArgumentException("acceptance command must be 1..1000 characters");
            }
            timeout = timeout == null ? DEFAULT_TIMEOUT : timeout;
            if (timeout.isNegative() || timeout.isZero() || timeout.compareTo(MAX_TIMEOUT) > 0) {
                throw new IllegalArgumentException("acceptance timeout must be within 1..300 s");
            }
        }
    }

    /** Criteria for LLM validators; always treated as untrusted text. */
    record Rubric(String text) implements Acceptance {
        public Rubric {
            if (text == null || text.isBlank() || text.length() > 20_000) {
                throw new IllegalArgumentException("rubric must be 1..20000 characters");
            }
        }
    }
}
