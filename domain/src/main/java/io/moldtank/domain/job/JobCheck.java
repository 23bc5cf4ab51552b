package io.moldtank.domain.job;

import io.moldtank.domain.bounty.Acceptance;
import io.moldtank.domain.bounty.RunnerFiles;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * How a job's delivered result is checked (issue 14 §1). A listing declares it and a job copies it
 * when proposed, like the fee schedule, so the check both parties agreed to is the check that runs.
 * A sandboxed check runs as an {@link Acceptance.TestSuite}: the same hardened runner and evidence
 * rule (signed report, expected tests, input hashes) as a bounty's, with the result as the one
 * submitted file. Constructors refuse bad specs with {@link IllegalArgumentException}.
 */
public sealed interface JobCheck {
    /** The client's own verdict (seed 003's flow), kept for services that cannot be tested. */
    Manual MANUAL = new Manual();
    String DEFAULT_RESULT_FILE = "result.txt";

    /** The kind's wire name: manual, tests or script. */
    String kind();

    record Manual() implements JobCheck {
        @Override
        public String kind() {
            return "manual";
        }
    }

    /** A check the sandbox runs: the suite, and where under {@code /work/submission} the result is written. */
    sealed interface Sandboxed extends JobCheck {
        Acceptance.TestSuite suite();

        String resultFile();
    }

    /**
     * The seller's tests, run beside the delivered result written to {@code resultFile} (a plain
     * relative path, never a file the runner reads as its own: the result is the untrusted side).
     */
    record Tests(Acceptance.TestSuite suite, String resultFile) implements Sandboxed {
        private static final Pattern PATH = Pattern.compile("[A-Za-z0-9_.-]+(/[A-Za-z0-9_.-]+)*");

        public Tests {
            Objects.requireNonNull(suite, "suite");
            resultFile = resultFile == null ? DEFAULT_RESULT_FILE : resultFile;
            if (resultFile.length() > 200 || !PATH.matcher(resultFile).matches() || resultFile.contains("..")) {
                throw new IllegalArgumentException("resultFile must be a plain relative path of at most 200 characters");
            }
            var refused = RunnerFiles.firstRefused(suite, Set.of(resultFile));
            if (refused.isPresent()) {
                throw new IllegalArgumentException("resultFile is refused: " + refused.get());
            }
        }

        @Override
        public String kind() {
            return "tests";
        }
    }

    /**
     * A script that reads the result (on stdin, and at {@code $MOLDTANK_RESULT}) and exits 0 when it
     * passes. {@code command} runs with {@code sh -c} in the folder of {@code files}. It runs as the
     * one test of a wrapper under MoldTank's pytest harness, so a pass still needs the signed report.
     */
    record Script(Map<String, String> files, String command, Duration timeout) implements Sandboxed {
        static final String WRAPPER = "test_moldtank_script.py";
        static final String COMMAND_FILE = "moldtank_script_command.txt";
        static final String TEST_ID = WRAPPER + "::test_script_accepts_the_result";

        public Script {
            files = Map.copyOf(Objects.requireNonNull(files, "files"));
            if (files.size() > Acceptance.MAX_FILES - 2) {
                throw new IllegalArgumentException("a script check has at most " + (Acceptance.MAX_FILES - 2) + " files");
            }
            if (files.containsKey(WRAPPER) || files.containsKey(COMMAND_FILE)) {
                throw new IllegalArgumentException(WRAPPER + " and " + COMMAND_FILE + " are MoldTank's own names");
            }
            if (command == null || command.isBlank() || command.length() > 1000 || command.indexOf('\0') >= 0) {
                throw new IllegalArgumentException("a script check's command must be 1..1000 characters");
            }
            timeout = timeout == null ? Acceptance.DEFAULT_TIMEOUT : timeout;
            suiteOf(files, command, timeout); // the suite's own limits (file paths, sizes, timeout) apply as well
        }

        @Override
        public String kind() {
            return "script";
        }

        @Override
        public Acceptance.TestSuite suite() {
            return suiteOf(files, command, timeout);
        }

        @Override
        public String resultFile() {
            return DEFAULT_RESULT_FILE;
        }

        private static Acceptance.TestSuite suiteOf(Map<String, String> files, String command, Duration timeout) {
            var all = new HashMap<>(files);
            all.put(WRAPPER, CheckScripts.WRAPPER);
            all.put(COMMAND_FILE, command);
            return new Acceptance.TestSuite(all, "pytest -q " + WRAPPER, timeout, Acceptance.Runner.PYTEST,
                    Acceptance.Expected.ofIds(List.of(TEST_ID), false), List.of());
        }
    }
}
