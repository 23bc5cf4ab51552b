package io.moldtank.adapters.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.moldtank.domain.bounty.Acceptance;
import io.moldtank.domain.validation.Vote.Kind;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The test runner judging real pytest and node suites in the real Docker sandbox. */
class TestRunnerValidatorDockerTest {

    private final TestRunnerValidator validator = new TestRunnerValidator(TestSandboxes.docker(), Requests.CLOCK);

    @AfterEach
    void nothingIsLeftBehind() {
        TestSandboxes.assertNothingLeftBehind();
    }

    @Test
    void aCorrectSolutionPassesThePytestSuite() {
        var vote = validator.validate(Requests.pytest(Requests.CORRECT));

        assertThat(vote.kind()).isEqualTo(Kind.PASS);
        assertThat(vote.validator()).isEqualTo("test-runner");
        assertThat(vote.details()).containsEntry("exitCode", "0").containsKey("durationMs").doesNotContainKey("reason");
        assertThat(vote.details().get("report")).contains("test_add.py::test_adds_small_numbers", "test_add.py::test_adds_negatives");
        assertThat(vote.details().get("stdoutTail")).contains("2 passed");
        assertThat(vote.details().get("image")).matches("moldtank/sandbox:1@sha256:[0-9a-f]{64}");
        assertThat(vote.took()).isPositive();
    }

    @Test
    void aWrongSolutionFailsWithTheTestOutputKept() {
        var vote = validator.validate(Requests.pytest(Requests.WRONG));

        assertThat(vote.kind()).isEqualTo(Kind.FAIL);
        assertThat(vote.summary()).isEqualTo("2 of 2 tests failed, first test_add.py::test_adds_small_numbers (exit 1)");
        assertThat(vote.details()).containsEntry("reason", "tests-failed");
        assertThat(vote.details().get("stdoutTail")).contains("2 failed");
    }

    @Test
    void aSolutionThatHangsFailsOnItsFirstRunWithReasonTimeout() {
        var vote = validator.validate(limited(2, "import time\ndef add(a, b):\n    time.sleep(600)\n"));

        assertThat(vote.kind()).isEqualTo(Kind.FAIL);
        assertThat(vote.kind().counts()).isTrue(); // a vote: decided now, not retried three time limits later
        assertThat(vote.details()).containsEntry("reason", "timeout").containsEntry("timedOut", "true");
        assertThat(vote.summary()).isEqualTo("timed out after 2 s");
    }

    @Test
    void aSolutionThatExhaustsMemoryFailsWithReasonMemory() {
        var vote = validator.validate(limited(30,
                "b = []\ndef add(a, b_):\n    while True: b.append(bytearray(64 << 20))\n"));

        assertThat(vote.kind()).isEqualTo(Kind.FAIL);
        assertThat(vote.details()).containsEntry("reason", "memory");
    }

    @Test
    void aSolutionThatFloodsItsOutputFailsWithReasonOutputLimit() {
        // Floods, then returns the right answer: the flood alone decides the verdict.
        var vote = validator.validate(limited(60, """
                import os
                def add(a, b):
                    chunk = b"x" * 65536
                    for _ in range(64):
                        os.write(1, chunk)
                    return a + b
                """));

        assertThat(vote.kind()).isEqualTo(Kind.FAIL);
        assertThat(vote.details()).containsEntry("reason", "output-limit");
    }

    private static io.moldtank.ports.out.validation.ValidationRequest limited(int seconds, String solution) {
        var suite = new Acceptance.TestSuite(Requests.PYTEST_SUITE, "python3 -m pytest -q -s -p no:cacheprovider",
                Duration.ofSeconds(seconds));
        return Requests.request(suite, Map.of("solution.py", solution));
    }

    @Test
    void aNodeTestSuiteRunsThroughItsJUnitReport() {
        // node 18 has no JUnit reporter; the poster ships a small one (any runner that writes JUnit XML works)
        var suite = new Acceptance.TestSuite(Map.of("add.test.js", """
                const test = require('node:test');
                const assert = require('node:assert');
                const add = require(process.env.MOLDTANK_SUBMISSION + '/add.js');
                test('adds', () => assert.strictEqual(add(2, 3), 5));
                test('adds negatives', () => assert.strictEqual(add(-2, -3), -5));
                """, "junit.mjs", """
                export default async function* junit(source) {
                  const cases = [];
                  for await (const e of source) {
                    if (e.type === 'test:pass' || e.type === 'test:fail') {
                      const name = e.data.name.replace(/[<&"]/g, '_');
                      cases.push(e.type === 'test:pass' ? `<testcase classname="add" name="${name}"/>`
                        : `<testcase classname="add" name="${name}"><failure/></testcase>`);
                    }
                  }
                  yield `<testsuite>${cases.join('')}</testsuite>\n`;
                }
                """), "node --test --test-reporter=./junit.mjs --test-reporter-destination=$MOLDTANK_REPORT add.test.js",
                Duration.ofSeconds(60), Acceptance.Runner.JUNIT,
                Acceptance.Expected.ofIds(java.util.List.of("add::adds", "add::adds negatives"), true), java.util.List.of());

        var pass = validator.validate(Requests.request(suite, Map.of("add.js", "module.exports = (a, b) => a + b;\n")));
        var fail = validator.validate(Requests.request(suite, Map.of("add.js", "module.exports = (a, b) => a * b;\n")));

        assertThat(pass.kind()).as(pass.details().toString()).isEqualTo(Kind.PASS);
        assertThat(fail.kind()).isEqualTo(Kind.FAIL);
        assertThat(fail.details()).containsEntry("reason", "tests-failed");
    }
}
