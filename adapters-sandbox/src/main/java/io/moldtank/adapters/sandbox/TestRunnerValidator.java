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
 * Runs a bounty's test suite against a submission kept apart from it ({@link SuiteRun}). PASS needs
 * evidence, not an exit code: exit 0 and a report in which every expected test ran and passed
 * ({@link TestEvidence}). Running out of time, memory or output is FAIL with that reason, and a sandbox
 * that could not run the code ERROR (never a vote, so retried). Every FAIL names its reason in
 * {@code details.reason}; the details hold what a rerun needs.
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
        return judge(suite, request.content().files());
    }

    /**
     * Runs {@code suite} against {@code submitted} (placed under /work/submission) and judges the run by
     * the evidence rule. Bounties and job checks both come through here: one runner, one rule.
     */
    Vote judge(Acceptance.TestSuite suite, Map<String, String> submitted) {
        var layout = SuiteRun.of(suite, submitted);
        SandboxResult result;
        try {
            result = sandbox.run(layout.run());
        } catch (RuntimeException e) {
            return error("sandbox failed: " + e.getMessage(), Map.of("error", String.valueOf(e.getMessage())), Duration.ZERO);
        }
        var details = details(result, layout, suite);
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
        TestEvidence evidence = suite.runner() == Acceptance.Runner.PYTEST
                ? HarnessReport.read(result.stdout(), layout.key(), layout.runId())
                : JUnitReport.read(result.stdout(), layout.runId());
        var judgement = evidence == null
                ? new TestEvidence.Judgement(TestEvidence.NO_REPORT, "the run left no " + (suite.runner() == Acceptance.Runner.PYTEST
                        ? "signed harness report (it ended before pytest finished)" : "JUnit XML report at $MOLDTANK_REPORT"))
                : evidence.judge(suite.expected(), result.exitCode());
        if (evidence != null) {
            details.put("report", evidence.json());
        }
        if (!judgement.pass()) {
            details.put("reason", judgement.reason());
        }
        String summary = judgement.why() + " (exit " + result.exitCode() + ")";
        return new Vote(NAME, judgement.pass() ? Kind.PASS : Kind.FAIL, summary, details, result.took(), clock.instant());
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

    /** What a rerun needs: the image, the exact command, every input's hash, limits, timings and output tails. */
    private static Map<String, String> details(SandboxResult r, SuiteRun layout, Acceptance.TestSuite suite) {
        String stdout = JUnitReport.withoutMarker(HarnessReport.withoutReports(r.stdout()));
        var details = new HashMap<>(Map.of("exitCode", Integer.toString(r.exitCode()), "timedOut", Boolean.toString(r.timedOut()),
                "durationMs", Long.toString(r.took().toMillis()), "image", r.image(),
                "stdoutTail", tail(stdout, TAIL_CHARS), "stderrTail", tail(r.stderr(), TAIL_CHARS)));
        details.put("runner", suite.runner().name().toLowerCase(java.util.Locale.ROOT));
        details.put("command", layout.run().command());
        details.put("inputs", layout.inputsJson());
        details.put("timeoutSeconds", Long.toString(suite.timeout().toSeconds()));
        details.put("expectedTests", Integer.toString(suite.expected().count()));
        return details;
    }

    static String tail(String text, int max) {
        return text.length() <= max ? text : "[moldtank: " + (text.length() - max) + " chars cut]\n" + text.substring(text.length() - max);
    }
}
