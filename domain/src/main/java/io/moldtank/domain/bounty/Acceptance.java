package io.moldtank.domain.bounty;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** How a bounty's submissions are judged: a test suite run in a sandbox, or a rubric for LLM judges. */
public sealed interface Acceptance {
    Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);
    Duration MAX_TIMEOUT = Duration.ofSeconds(300);
    int MAX_FILES = 64;
    int MAX_TOTAL_CHARS = 512 * 1024;
    int MAX_EXPECTED = 500;
    int MAX_ALLOW = 32;

    /** Which machine-readable report a run must leave for PASS: pytest's, through MoldTank's harness, or any JUnit XML. */
    enum Runner {
        /** First-class: pytest runs inside MoldTank's harness, which reports every test's outcome, signed. */
        PYTEST,
        /** Any command that writes a JUnit XML report to {@code $MOLDTANK_REPORT} (Java, Go, JavaScript suites). */
        JUNIT
    }

    /**
     * The tests a PASS must show, fixed before any submission is seen: ids ({@code file::Class::test},
     * parameters ignored) or only a count.
     */
    record Expected(List<String> ids, int count, boolean declared) {
        public Expected {
            ids = List.copyOf(Objects.requireNonNull(ids, "ids"));
            if (!ids.isEmpty() && count != ids.size()) {
                throw new IllegalArgumentException("expected count must equal the number of expected ids");
            }
            if (count < 1 || count > MAX_EXPECTED) {
                throw new IllegalArgumentException("a test acceptance expects 1.." + MAX_EXPECTED + " tests");
            }
            if (ids.stream().distinct().count() != ids.size()) {
                throw new IllegalArgumentException("expected test ids must be distinct");
            }
            for (String id : ids) {
                if (id.isBlank() || id.length() > 300 || id.chars().anyMatch(Character::isISOControl)) {
                    throw new IllegalArgumentException("expected test id must be 1..300 printable characters");
                }
            }
        }

        public static Expected ofIds(List<String> ids, boolean declared) {
            return new Expected(ids, ids.size(), declared);
        }

        public static Expected ofCount(int count) {
            return new Expected(List.of(), count, true);
        }
    }

    /**
     * Files the poster's tests need (kept read-only, apart from the submission), a command, a timeout,
     * the runner whose report decides PASS, the tests that report must show, and the globs a
     * submission may write (empty: any path that is not runner configuration, see {@link RunnerFiles}).
     * For {@link Runner#PYTEST} the command is pytest's own arguments ({@code pytest -q test_x.py}), no shell.
     */
    record TestSuite(Map<String, String> files, String command, Duration timeout, Runner runner, Expected expected,
                     List<String> allow) implements Acceptance {
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
            runner = runner == null ? PytestCommand.looksLikePytest(command) ? Runner.PYTEST : Runner.JUNIT : runner;
            if (runner == Runner.PYTEST) {
                PytestCommand.arguments(command); // refuses shell syntax now, not at the first run
            }
            if (expected == null) {
                if (runner == Runner.JUNIT) {
                    throw new IllegalArgumentException("a junit acceptance must name its expected tests (expectTests: ids or a count)");
                }
                var found = PytestCommand.collect(files);
                if (found.isEmpty()) {
                    throw new IllegalArgumentException("no pytest tests found in the acceptance files (test_*.py or *_test.py"
                            + " with def test*/class Test*): name them in expectTests");
                }
                expected = Expected.ofIds(found, false);
            }
            allow = List.copyOf(allow == null ? List.of() : allow);
            if (allow.size() > MAX_ALLOW) {
                throw new IllegalArgumentException("at most " + MAX_ALLOW + " allow globs");
            }
            allow.forEach(Globs::requireValid);
        }

        /** A pytest (or, for any other command, JUnit) suite whose expected tests are collected from its files. */
        public TestSuite(Map<String, String> files, String command, Duration timeout) {
            this(files, command, timeout, null, null, List.of());
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
