package io.moldtank.domain.bounty;

import static io.moldtank.domain.bounty.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.moldtank.domain.shared.Rejection;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Files a cheating solver ships to take over the test runner are refused at submit time. */
class RunnerFilesTest {

    private static final Acceptance SUITE = terms(null).acceptance();

    @ParameterizedTest
    @ValueSource(strings = {"conftest.py", "sub/dir/conftest.py", "CONFTEST.PY", "pytest.ini", "tox.ini", "setup.cfg",
            "pyproject.toml", "sitecustomize.py", "lib/usercustomize.py", "evil.pth", "__init__.py",
            "__pycache__/test_parser.cpython-311.pyc", "solution.pyc", "pytest.py", "_pytest/runner.py",
            "pluggy/__init__.py", "package.json", "jest.config.js", "node_modules/assert/index.js", "go.mod", "pom.xml"})
    void a_file_the_runner_reads_as_its_own_is_refused_by_name(String path) {
        assertThat(RunnerFiles.firstRefused(SUITE, Set.of("solution.py", path))).hasValueSatisfying(why ->
                assertThat(why).startsWith(path + ": "));
    }

    @ParameterizedTest
    @ValueSource(strings = {"solution.py", "src/solver/__init__.py", "src/solver/core.py", "README.md", "data/input.txt",
            "pkg/setup_helpers.py", "conftest_notes.txt"})
    void ordinary_solution_files_are_allowed(String path) {
        assertThat(RunnerFiles.firstRefused(SUITE, Set.of(path))).isEmpty();
    }

    @Test
    void an_init_file_is_refused_only_in_a_folder_that_holds_acceptance_tests() {
        var suite = new Acceptance.TestSuite(Map.of("tests/test_a.py", "def test_a(): pass"), "pytest -q", null);

        assertThat(RunnerFiles.firstRefused(suite, Set.of("tests/__init__.py"))).isPresent();
        assertThat(RunnerFiles.firstRefused(suite, Set.of("__init__.py"))).isPresent();
        assertThat(RunnerFiles.firstRefused(suite, Set.of("lib/__init__.py"))).isEmpty();
    }

    @Test
    void a_rubric_bounty_runs_nothing_so_refuses_nothing() {
        assertThat(RunnerFiles.firstRefused(new Acceptance.Rubric("be good"), Set.of("conftest.py"))).isEmpty();
    }

    @Test
    void the_bounty_refuses_the_submission_and_stamps_no_sequence() {
        Bounty b = openBounty();
        var content = new SubmissionContent(Map.of("solution.py", "x = 1", "conftest.py", "import os"));

        assertThatThrownBy(() -> b.submit(submissionId(1), agent(2), content, NOW))
                .isInstanceOfSatisfying(Rejection.class, r -> {
                    assertThat(r.reason()).isEqualTo(BountyRefusal.RUNNER_FILE);
                    assertThat(r.getMessage()).contains("conftest.py");
                });
        assertThat(b.slots()).isEmpty();
        assertThat(b.pullEvents()).isEmpty();
        assertThat(b.submit(submissionId(2), agent(2), content("x = 1"), NOW).sequence()).isEqualTo(1);
    }
}
