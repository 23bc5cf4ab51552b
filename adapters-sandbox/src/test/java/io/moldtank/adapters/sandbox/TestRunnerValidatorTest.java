package io.moldtank.adapters.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.moldtank.domain.bounty.Acceptance;
import io.moldtank.domain.validation.Vote.Kind;
import io.moldtank.ports.out.validation.Sandbox;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The validator's mapping from sandbox outcomes to votes, with scripted sandboxes (no engine needed). */
class TestRunnerValidatorTest {

    private final List<Sandbox.SandboxRun> runs = new ArrayList<>();

    private Sandbox answering(Sandbox.SandboxResult result) {
        return run -> {
            runs.add(run);
            return result;
        };
    }

    private static final String SMALL = "test_add.py::test_adds_small_numbers";
    private static final String NEGATIVES = "test_add.py::test_adds_negatives";

    /** A sandbox that answers as the harness would, signing with the run's own key. */
    private Sandbox reporting(int exit, String... tests) {
        return run -> {
            runs.add(run);
            return new Sandbox.SandboxResult(exit, false, "..\n" + signed(run, tests), "", Duration.ofMillis(5), "img");
        };
    }

    /** {@code tests}: "id=outcome" pairs, each reported for setup, call and teardown. */
    static String signed(Sandbox.SandboxRun run, String... tests) {
        String runId = run.files().get(".moldtank/run.json").replaceAll("(?s).*\"run\":\"([0-9a-f]+)\".*", "$1");
        var body = new StringBuilder("{\"run\":\"" + runId + "\",\"tests\":[");
        for (int i = 0; i < tests.length; i++) {
            String[] t = tests[i].split("=");
            for (String when : List.of("setup", "call", "teardown")) {
                body.append(body.charAt(body.length() - 1) == '[' ? "" : ",").append("{\"id\":\"").append(t[0])
                        .append("\",\"when\":\"").append(when).append("\",\"outcome\":\"")
                        .append(when.equals("call") ? t[1] : "passed").append("\",\"xfail\":false}");
            }
        }
        body.append("],\"collectErrors\":[],\"tampered\":null}");
        byte[] key = HexFormat.of().parseHex(run.env().get("MOLDTANK_REPORT_KEY"));
        byte[] bytes = body.toString().getBytes(StandardCharsets.US_ASCII);
        return HarnessReport.PREFIX + HexFormat.of().formatHex(bytes) + " " + HexFormat.of().formatHex(HarnessReport.hmac(key, bytes));
    }

    @Test
    void theSuiteAndTheSubmissionLiveApartWithTheHarnessAndAFreshKeyPerRun() {
        var validator = new TestRunnerValidator(reporting(0, SMALL + "=passed", NEGATIVES + "=passed"), Requests.CLOCK);

        validator.validate(Requests.pytest(Requests.CORRECT));
        validator.validate(Requests.pytest(Requests.CORRECT));

        assertThat(runs).hasSize(2).allSatisfy(run -> {
            assertThat(run.files()).containsOnlyKeys("acceptance/test_add.py", "submission/solution.py",
                    ".moldtank/harness.py", ".moldtank/run.json");
            assertThat(run.command()).isEqualTo("cd /work/acceptance && exec python3 -I /work/.moldtank/harness.py");
            assertThat(run.files().get(".moldtank/run.json")).contains("\"args\":[\"-q\",\"-p\",\"no:cacheprovider\"]");
            assertThat(run.timeout()).isEqualTo(Duration.ofSeconds(60));
            assertThat(run.env().get("MOLDTANK_REPORT_KEY")).matches("[0-9a-f]{64}");
        });
        assertThat(runs.get(0).env()).isNotEqualTo(runs.get(1).env());
    }

    @Test
    void passNeedsEveryExpectedTestPassedInASignedReport() {
        var vote = new TestRunnerValidator(reporting(0, SMALL + "=passed", NEGATIVES + "=passed"), Requests.CLOCK)
                .validate(Requests.pytest(Requests.CORRECT));

        assertThat(vote.kind()).as(vote.summary()).isEqualTo(Kind.PASS);
        assertThat(vote.details()).doesNotContainKey("reason").containsKeys("report", "inputs", "command");
        assertThat(vote.details().get("inputs")).contains("\"submission/solution.py\":\"" + SuiteRun.sha256(Requests.CORRECT.get("solution.py")));
    }

    @Test
    void exitZeroWithoutAReportIsNoReport() {
        var vote = new TestRunnerValidator(answering(new Sandbox.SandboxResult(0, false, "2 passed", "", Duration.ofMillis(5),
                "img")), Requests.CLOCK).validate(Requests.pytest(Requests.WRONG));

        assertThat(vote.kind()).isEqualTo(Kind.FAIL);
        assertThat(vote.details()).containsEntry("reason", "no-report");
    }

    @Test
    void aReportSignedWithAnotherKeyOrTamperedByOneByteIsNoReport() {
        Sandbox forging = run -> {
            var other = new Sandbox.SandboxRun(run.files(), run.command(), run.timeout(),
                    Map.of("MOLDTANK_REPORT_KEY", "00".repeat(32)));
            String good = signed(run, SMALL + "=passed", NEGATIVES + "=passed");
            String flipped = good.substring(0, 30) + (good.charAt(30) == 'a' ? 'b' : 'a') + good.substring(31);
            return new Sandbox.SandboxResult(0, false, signed(other, SMALL + "=passed", NEGATIVES + "=passed") + "\n" + flipped,
                    "", Duration.ofMillis(5), "img");
        };

        var vote = new TestRunnerValidator(forging, Requests.CLOCK).validate(Requests.pytest(Requests.WRONG));

        assertThat(vote.details()).containsEntry("reason", "no-report");
    }

    @Test
    void twoValidReportsMeanTheKeyLeaked() {
        Sandbox twice = run -> new Sandbox.SandboxResult(0, false, signed(run, SMALL + "=passed", NEGATIVES + "=passed") + "\n"
                + signed(run, SMALL + "=passed", NEGATIVES + "=passed"), "", Duration.ofMillis(5), "img");

        var vote = new TestRunnerValidator(twice, Requests.CLOCK).validate(Requests.pytest(Requests.WRONG));

        assertThat(vote.details()).containsEntry("reason", "tampered");
    }

    @Test
    void theEvidenceRuleNamesWhatIsWrong() {
        assertThat(reason(0, SMALL + "=passed")).isEqualTo("tests-missing");
        assertThat(reason(0, SMALL + "=passed", NEGATIVES + "=passed", "test_add.py::test_extra=passed")).isEqualTo("unexpected-tests");
        assertThat(reason(0, SMALL + "=passed", NEGATIVES + "=skipped")).isEqualTo("tests-skipped");
        assertThat(reason(1, SMALL + "=passed", NEGATIVES + "=failed")).isEqualTo("tests-failed");
        assertThat(reason(1, SMALL + "=passed", NEGATIVES + "=passed")).isEqualTo("tests-failed"); // all passed, exit 1
        assertThat(reason(0, SMALL + "[1]=passed", SMALL + "[2]=passed", NEGATIVES + "=passed")).isNull(); // parametrized
    }

    private String reason(int exit, String... tests) {
        var vote = new TestRunnerValidator(reporting(exit, tests), Requests.CLOCK).validate(Requests.pytest(Requests.CORRECT));
        return vote.details().get("reason");
    }

    @Test
    void aJUnitSuiteNeedsItsReportAndRefusesDoctypes() {
        var suite = new Acceptance.TestSuite(Map.of("run.sh", "x"), "sh run.sh", Duration.ofSeconds(10),
                Acceptance.Runner.JUNIT, Acceptance.Expected.ofCount(1), List.of());
        String xml = "<testsuite><testcase classname=\"AddTest\" name=\"adds\"/></testsuite>";
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE t [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + "<testsuite><testcase name=\"&x;\"/></testsuite>";
        Sandbox junit = run -> {
            runs.add(run);
            String runId = run.command().replaceAll("(?s).*MOLDTANK-JUNIT-1 ([0-9a-f]+).*", "$1");
            String body = runs.size() == 1 ? xml : xxe;
            return new Sandbox.SandboxResult(0, false, "\n" + JUnitReport.MARKER + runId + " "
                    + java.util.Base64.getEncoder().encodeToString(body.getBytes(StandardCharsets.UTF_8)) + "\n", "", Duration.ofMillis(5), "img");
        };
        var validator = new TestRunnerValidator(junit, Requests.CLOCK);

        var pass = validator.validate(Requests.request(suite, Map.of("Add.java", "class Add {}")));
        var entity = validator.validate(Requests.request(suite, Map.of("Add.java", "class Add {}")));

        assertThat(pass.kind()).as(pass.summary()).isEqualTo(Kind.PASS);
        assertThat(runs.getFirst().env()).containsKey("MOLDTANK_REPORT");
        assertThat(entity.details()).containsEntry("reason", "no-report");
    }

    @Test
    void aRubricBountyIsAnErrorNotAVerdict() {
        var validator = new TestRunnerValidator(answering(null), Requests.CLOCK);

        var vote = validator.validate(Requests.request(new Acceptance.Rubric("Is it elegant?"), Requests.CORRECT));

        assertThat(vote.kind()).isEqualTo(Kind.ERROR);
        assertThat(vote.summary()).startsWith("test runner needs a test suite");
        assertThat(runs).isEmpty();
    }

    @Test
    void aSandboxThatBreaksGivesAnErrorNeverAPass() {
        Sandbox broken = run -> {
            throw new SandboxFailure("docker sandbox failed: connection refused", null);
        };

        var vote = new TestRunnerValidator(broken, Requests.CLOCK).validate(Requests.pytest(Requests.CORRECT));

        assertThat(vote.kind()).isEqualTo(Kind.ERROR);
        assertThat(vote.summary()).contains("connection refused");
    }

    @Test
    void noSandboxAvailableGivesAnErrorThatSaysHowToEnableOne() {
        var vote = new TestRunnerValidator(new RefusingSandbox("Docker is not reachable."), Requests.CLOCK)
                .validate(Requests.pytest(Requests.CORRECT));

        assertThat(vote.kind()).isEqualTo(Kind.ERROR);
        assertThat(vote.summary()).contains("no isolating sandbox").contains("bubblewrap");
    }

    @Test
    void longLogsAreCutToTheirTailInTheVote() {
        var validator = new TestRunnerValidator(answering(new Sandbox.SandboxResult(1, false, "x".repeat(10_000) + "END",
                "", Duration.ofMillis(5), "img")), Requests.CLOCK);

        var vote = validator.validate(Requests.pytest(Requests.WRONG));

        assertThat(vote.details().get("stdoutTail")).endsWith("END").hasSizeLessThan(4200);
    }
}
