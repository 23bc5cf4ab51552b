package io.moldtank.domain.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.moldtank.domain.agent.AgentId;
import io.moldtank.domain.bounty.Acceptance;
import io.moldtank.domain.listing.Listing;
import io.moldtank.domain.listing.ListingId;
import io.moldtank.domain.money.Usdc;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What a listing may declare as its check, and how a sandboxed check becomes the bounty runner's suite. */
class JobCheckSpecTest {
    private static final Acceptance.TestSuite SUITE = new Acceptance.TestSuite(
            Map.of("test_result.py", "def test_mentions_42():\n    assert '42' in open('/work/submission/result.txt').read()\n"),
            "pytest -q test_result.py", null);

    @Test
    void a_tests_check_writes_the_result_to_result_txt_unless_it_names_another_file() {
        assertThat(new JobCheck.Tests(SUITE, null).resultFile()).isEqualTo("result.txt");
        assertThat(new JobCheck.Tests(SUITE, "solution.py").resultFile()).isEqualTo("solution.py");
        assertThat(SUITE.expected().ids()).containsExactly("test_result.py::test_mentions_42");
        assertThat(SUITE.timeout()).isEqualTo(Duration.ofSeconds(60));
    }

    @ParameterizedTest
    @ValueSource(strings = {"conftest.py", "pytest.ini", "sitecustomize.py", "evil.pth", "__init__.py", "../up.txt",
            "/abs.txt", "a//b", "sub/../x", "with space.txt", "__pycache__/x.pyc"})
    void a_result_file_the_runner_would_read_as_its_own_or_outside_the_submission_is_refused(String path) {
        assertThatThrownBy(() -> new JobCheck.Tests(SUITE, path)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("resultFile");
    }

    @Test
    void a_script_check_runs_as_one_expected_test_of_moldtanks_wrapper_under_the_pytest_harness() {
        var script = new JobCheck.Script(Map.of("check.py", "import sys\nsys.exit(0)\n"), "python3 check.py", null);
        Acceptance.TestSuite suite = script.suite();

        assertThat(script.timeout()).isEqualTo(Acceptance.DEFAULT_TIMEOUT);
        assertThat(suite.runner()).isEqualTo(Acceptance.Runner.PYTEST);
        assertThat(suite.expected().ids()).containsExactly("test_moldtank_script.py::test_script_accepts_the_result");
        assertThat(suite.files()).containsEntry("check.py", "import sys\nsys.exit(0)\n")
                .containsEntry("moldtank_script_command.txt", "python3 check.py")
                .containsKey("test_moldtank_script.py");
        assertThat(suite.files().get("test_moldtank_script.py")).contains("MOLDTANK_RESULT", "/bin/sh", "result.txt");
        assertThat(script.resultFile()).isEqualTo("result.txt");
        assertThat(script.suite()).isEqualTo(suite); // the same spec always runs the same suite
    }

    @Test
    void a_script_check_may_not_replace_moldtanks_own_files_nor_exceed_the_limits() {
        assertThatThrownBy(() -> new JobCheck.Script(Map.of("test_moldtank_script.py", "x"), "true", null))
                .hasMessageContaining("MoldTank's own names");
        assertThatThrownBy(() -> new JobCheck.Script(Map.of("moldtank_script_command.txt", "x"), "true", null))
                .hasMessageContaining("MoldTank's own names");
        assertThatThrownBy(() -> new JobCheck.Script(Map.of(), " ", null)).hasMessageContaining("command");
        assertThatThrownBy(() -> new JobCheck.Script(Map.of(), "x".repeat(1001), null)).hasMessageContaining("command");
        assertThatThrownBy(() -> new JobCheck.Script(Map.of(), "true", Duration.ofSeconds(301)))
                .hasMessageContaining("timeout");
        assertThatThrownBy(() -> new JobCheck.Script(Map.of("../x", "y"), "true", null))
                .hasMessageContaining("relative and plain");
        Map<String, String> many = new HashMap<>();
        for (int i = 0; i < 63; i++) {
            many.put("f" + i, "");
        }
        assertThatThrownBy(() -> new JobCheck.Script(many, "true", null)).hasMessageContaining("at most 62 files");
        assertThatThrownBy(() -> new JobCheck.Script(Map.of("big", "x".repeat(Acceptance.MAX_TOTAL_CHARS)), "true", null))
                .hasMessageContaining("exceed");
    }

    @Test
    void a_listing_without_a_check_is_checked_by_hand_and_a_withdrawn_listing_keeps_its_check() {
        AgentId seller = new AgentId(UUID.randomUUID());
        Listing plain = new Listing(new ListingId(UUID.randomUUID()), seller, "Review code", "", Usdc.ofWhole(1),
                Set.of(), true, Instant.EPOCH);
        assertThat(plain.check()).isEqualTo(JobCheck.MANUAL);
        var check = new JobCheck.Tests(SUITE, null);
        Listing checked = new Listing(plain.id(), seller, "Review code", "", Usdc.ofWhole(1), Set.of(), true,
                Instant.EPOCH, check);
        assertThat(checked.withdraw(seller).check()).isEqualTo(check);
    }

    @Test
    void a_verdict_names_a_reason_exactly_when_it_fails_and_stays_bounded() {
        Instant at = Instant.EPOCH;
        assertThatThrownBy(() -> new CheckVerdict(Verdict.FAILED, null, "", Map.of(), Map.of(), Duration.ZERO, at))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CheckVerdict(Verdict.PASSED, "timeout", "", Map.of(), Map.of(), Duration.ZERO, at))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CheckVerdict(Verdict.FAILED, "Not A Code", "", Map.of(), Map.of(), Duration.ZERO, at))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CheckVerdict(Verdict.PASSED, null, "", Map.of("k", "x".repeat(70_000)), Map.of(),
                Duration.ZERO, at)).isInstanceOf(IllegalArgumentException.class);
        var v = new CheckVerdict(Verdict.FAILED, "tests-failed", "1 of 1 failed", Map.of("exitCode", "1"),
                Map.of("stdoutTail", "expected 42, got 41"), Duration.ofSeconds(2), at);
        assertThat(v.withoutOutput().output()).isEmpty();
        assertThat(v.withoutOutput().evidence()).isEqualTo(v.evidence());
        assertThat(List.of(v.reason(), v.summary())).containsExactly("tests-failed", "1 of 1 failed");
    }
}
