package io.moldtank.adapters.sandbox;

import io.moldtank.domain.bounty.Acceptance;
import io.moldtank.domain.validation.Vote;
import io.moldtank.domain.validation.Vote.Kind;
import io.moldtank.ports.out.validation.Sandbox;
import io.moldtank.ports.out.validation.Sandbox.SandboxResult;
import io.moldtank.ports.out.validation.Sandbox.SandboxRun;
import io.moldtank.ports.out.validation.ValidationRequest;
import io.moldtank.ports.out.validation.Validator;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * Runs a bounty's test suite with the submission's files beside it: exit 0 is PASS, any other exit
 * FAIL, running out of time, memory or output FAIL with that reason, and a sandbox that could not
 * run the code ERROR (never a vote, so retried). Every FAIL names its reason in {@code details.reason}.
 */
final class TestRunnerValidator implements Validator {

    static final String NAME = "test-runner";
    static final int TAIL_CHARS = 4096;

    private final Sandbox sandbox;
    private final Clock clock;

    TestRunnerValidator(Sandbox sandbox, Clock clock) {
        this.sandbox = sandbox;
        this.clock = clock;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Vote validate(ValidationRequest request) {
        if (!(request.terms().acceptance() instanceof Acceptance.TestSuite suite)) {
            return error("test runner needs a test suite; this bounty's acceptance is a rubric", Map.of(), Duration.ZERO);
        }
        var clash = suite.files().keySet().stream().filter(request.content().files()::containsKey).sorted().findFirst();
        if (clash.isPresent()) { // the submission must not replace the poster's tests
            return new Vote(NAME, Kind.FAIL, "submission file " + clash.get() + " would overwrite an acceptance file",
                    Map.of("conflict", clash.get(), "reason", "acceptance-overwrite"), Duration.ZERO, clock.instant());
        }
        var files = new HashMap<>(suite.files());
        files.putAll(request.content().files());
        SandboxResult result;
        try {
            result = sandbox.run(new SandboxRun(files, suite.command(), suite.timeout()));
        } catch (RuntimeException e) {
            return error("sandbox failed: " + e.getMessage(), Map.of("error", String.valueOf(e.getMessage())), Duration.ZERO);
        }
        var details = details(result);
        if (RefusingSandbox.IMAGE.equals(result.image())) {
            return error("no sandbox available: " + tail(result.stderr(), 500), details, result.took());
        }
        // Running out of time, memory or output is the submission's doing: a FAIL decided on the first
        // run, never a retry (a retried spin would hold up the bounty's FIFO award for three time limits).
        String limit = limitReached(result);
        if (limit != null) {
            details.put("reason", limit);
            return new Vote(NAME, Kind.FAIL, switch (limit) {
                case TIMEOUT -> "timed out after " + suite.timeout().toSeconds() + " s";
                case MEMORY -> RunOutcome.OUT_OF_MEMORY;
                default -> "printed more than the sandbox keeps";
            }, details, result.took(), clock.instant());
        }
        boolean pass = result.exitCode() == 0;
        if (!pass) {
            details.put("reason", "tests-failed");
        }
        String summary = (pass ? "tests passed" : "tests failed") + " (exit " + result.exitCode() + ")";
        return new Vote(NAME, pass ? Kind.PASS : Kind.FAIL, summary, details, result.took(), clock.instant());
    }

    static final String TIMEOUT = "timeout";
    static final String MEMORY = "memory";
    static final String OUTPUT_LIMIT = "output-limit";

    /**
     * Which limit ended the run, if any. The sandboxes mark the reason in stderr ({@link RunOutcome});
     * the code can print the same markers, but only to fail itself.
     */
    static String limitReached(SandboxResult r) {
        if (r.timedOut()) {
            return TIMEOUT;
        }
        if (r.stderr().contains("[moldtank: " + RunOutcome.OUT_OF_MEMORY)) {
            return MEMORY;
        }
        if (r.stdout().contains(CappedOutput.MARKER_START) || r.stderr().contains(CappedOutput.MARKER_START)) {
            return OUTPUT_LIMIT;
        }
        return null;
    }

    private Vote error(String summary, Map<String, String> details, Duration took) {
        return new Vote(NAME, Kind.ERROR, summary, details, took, clock.instant());
    }

    private static Map<String, String> details(SandboxResult r) {
        return new HashMap<>(Map.of("exitCode", Integer.toString(r.exitCode()), "timedOut", Boolean.toString(r.timedOut()),
                "durationMs", Long.toString(r.took().toMillis()), "image", r.image(),
                "stdoutTail", tail(r.stdout(), TAIL_CHARS), "stderrTail", tail(r.stderr(), TAIL_CHARS)));
    }

    static String tail(String text, int max) {
        return text.length() <= max ? text : "[moldtank: " + (text.length() - max) + " chars cut]\n" + text.substring(text.length() - max);
    }
}
