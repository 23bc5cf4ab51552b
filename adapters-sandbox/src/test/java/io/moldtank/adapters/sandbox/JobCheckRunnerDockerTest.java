package io.moldtank.adapters.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.moldtank.domain.bounty.Acceptance;
import io.moldtank.domain.job.JobCheck;
import io.moldtank.domain.job.JobResult;
import io.moldtank.domain.validation.Vote;
import io.moldtank.domain.validation.Vote.Kind;
import io.moldtank.ports.out.validation.RunJobCheck;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Jobs' checks in the real Docker sandbox, through the bounty test runner: a delivered result passes
 * or fails by the signed report, and a hostile result (it forges the report, rewrites the tests,
 * patches pytest, floods the output) or a check that never ends fails with its reason.
 */
class JobCheckRunnerDockerTest {

    private final RunJobCheck runner = SandboxAdapters.jobChecks(TestSandboxes.docker(), Requests.CLOCK);

    private static final Map<String, String> TESTS = Map.of("test_add.py", """
            from solution import add

            def test_adds():
                assert add(2, 3) == 5
            """);

    private static JobCheck.Tests tests(String command, int seconds) {
        return new JobCheck.Tests(new Acceptance.TestSuite(TESTS, command, Duration.ofSeconds(seconds)), "solution.py");
    }

    private static final JobCheck.Tests ADD = tests("pytest -q", 60);

    /** Passes when stdin is a JSON object whose "answer" is 42, and $MOLDTANK_RESULT names the same file. */
    private static final JobCheck.Script JSON_ANSWER = new JobCheck.Script(Map.of("check.py", """
            import json, os, sys
            data = sys.stdin.read()
            assert data == open(os.environ["MOLDTANK_RESULT"]).read()
            sys.exit(0 if json.loads(data).get("answer") == 42 else 1)
            """), "python3 check.py", Duration.ofSeconds(30));

    @AfterEach
    void nothingIsLeftBehind() {
        TestSandboxes.assertNothingLeftBehind();
    }

    @Test
    void a_result_that_passes_the_sellers_tests_passes_with_the_signed_report_as_evidence() {
        Vote vote = runner.run(ADD, new JobResult("def add(a, b):\n    return a + b\n"));

        assertThat(vote.kind()).isEqualTo(Kind.PASS);
        assertThat(vote.details()).containsEntry("exitCode", "0").doesNotContainKey("reason");
        assertThat(vote.details().get("report")).contains("test_add.py::test_adds");
        assertThat(vote.details().get("inputs")).contains("submission/solution.py", "acceptance/test_add.py");
        assertThat(vote.details().get("image")).matches("moldtank/sandbox:1@sha256:[0-9a-f]{64}");
    }

    @Test
    void a_wrong_result_fails_with_the_tests_output_kept() {
        Vote vote = runner.run(ADD, new JobResult("def add(a, b):\n    return a - b\n"));

        assertThat(vote.kind()).isEqualTo(Kind.FAIL);
        assertThat(vote.details()).containsEntry("reason", "tests-failed");
        assertThat(vote.details().get("stdoutTail")).contains("1 failed");
    }

    @Test
    void a_script_check_reads_the_result_on_stdin_and_its_exit_code_decides_through_the_report() {
        Vote pass = runner.run(JSON_ANSWER, new JobResult("{\"answer\": 42}"));
        assertThat(pass.kind()).as(pass.details().toString()).isEqualTo(Kind.PASS);
        assertThat(pass.details().get("report")).contains("test_moldtank_script.py::test_script_accepts_the_result");

        Vote fail = runner.run(JSON_ANSWER, new JobResult("{\"answer\": 41}"));
        assertThat(fail.kind()).isEqualTo(Kind.FAIL);
        assertThat(fail.details()).containsEntry("reason", "tests-failed");
        assertThat(fail.details().get("stdoutTail")).contains("the check script exited 1");
    }

    @Test
    void a_result_that_is_not_what_the_check_expects_fails_and_does_not_break_the_runner() {
        Vote vote = runner.run(JSON_ANSWER, new JobResult("\u0000not json at all \uD83E\uDD80 ]]>"));

        assertThat(vote.kind()).isEqualTo(Kind.FAIL);
        assertThat(vote.details()).containsEntry("reason", "tests-failed");
    }

    @Test
    void a_result_that_forges_a_report_and_exits_zero_gets_no_pass() {
        Vote vote = runner.run(ADD, new JobResult("""
                import os, sys, json
                body = json.dumps({"run": "x", "tests": [{"id": "test_add.py::test_adds", "when": "call",
                                   "outcome": "passed", "xfail": False}], "collectErrors": [], "tampered": None}).encode()
                print("MOLDTANK-REPORT-1 " + body.hex() + " " + "ab" * 32)
                sys.stdout.flush()
                os._exit(0)
                """));

        assertThat(vote.kind()).isEqualTo(Kind.FAIL);
        assertThat(vote.details()).containsEntry("reason", "no-report");
    }

    @Test
    void a_result_that_rewrites_the_tests_cannot_and_fails_them() {
        Vote vote = runner.run(ADD, new JobResult("""
                import os
                for path in ("/work/acceptance/test_add.py", "/work/.moldtank/harness.py"):
                    try:
                        with open(path, "w") as f:
                            f.write("def test_adds():\\n    pass\\n")
                    except OSError:
                        pass
                def add(a, b):
                    return 0
                """));

        assertThat(vote.kind()).isEqualTo(Kind.FAIL);
        assertThat(vote.details()).containsEntry("reason", "tests-failed");
    }

    @Test
    void a_result_that_patches_the_test_runner_is_caught_tampering() {
        Vote vote = runner.run(ADD, new JobResult("""
                import _pytest.runner
                _pytest.runner.pytest_runtest_call = lambda item: None
                def add(a, b):
                    return 0
                """));

        assertThat(vote.kind()).isEqualTo(Kind.FAIL);
        assertThat(vote.details()).containsEntry("reason", "tampered");
    }

    @Test
    void a_result_that_floods_the_output_fails_with_reason_output_limit() {
        Vote vote = runner.run(tests("pytest -q -s", 60), new JobResult("""
                import os
                for _ in range(64):
                    os.write(1, b"x" * 65536)
                def add(a, b):
                    return a + b
                """));

        assertThat(vote.kind()).isEqualTo(Kind.FAIL);
        assertThat(vote.details()).containsEntry("reason", "output-limit");
    }

    @Test
    void a_check_that_never_ends_fails_at_its_timeout() {
        var endless = new JobCheck.Script(Map.of(), "while true; do :; done", Duration.ofSeconds(2));
        Vote vote = runner.run(endless, new JobResult("anything"));

        assertThat(vote.kind()).isEqualTo(Kind.FAIL);
        assertThat(vote.details()).containsEntry("reason", "timeout").containsEntry("timeoutSeconds", "2");
    }
}
