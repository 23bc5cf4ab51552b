package io.moldtank.adapters.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.moldtank.domain.bounty.Acceptance;
import io.moldtank.domain.validation.Vote.Kind;
import io.moldtank.ports.out.validation.Sandbox;
import java.time.Duration;
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

    @Test
    void theSuiteAndTheSubmissionArePlacedSideBySideWithTheSuitesCommandAndTimeout() {
        var validator = new TestRunnerValidator(answering(new Sandbox.SandboxResult(0, false, "ok", "",
                Duration.ofMillis(5), "img")), Requests.CLOCK);

        validator.validate(Requests.pytest(Requests.CORRECT));

        assertThat(runs).singleElement().satisfies(run -> {
            assertThat(run.files()).containsOnlyKeys("test_add.py", "solution.py");
            assertThat(run.command()).isEqualTo("python3 -m pytest -q -p no:cacheprovider");
            assertThat(run.timeout()).isEqualTo(Duration.ofSeconds(60));
        });
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
    void aSubmissionThatWouldReplaceAnAcceptanceFileFailsWithoutRunning() {
        var validator = new TestRunnerValidator(answering(null), Requests.CLOCK);

        var vote = validator.validate(Requests.pytest(Map.of("test_add.py", "def test_nothing(): pass\n")));

        assertThat(vote.kind()).isEqualTo(Kind.FAIL);
        assertThat(vote.summary()).contains("test_add.py").contains("overwrite");
        assertThat(runs).isEmpty();
    }

    @Test
    void longLogsAreCutToTheirTailInTheVote() {
        var validator = new TestRunnerValidator(answering(new Sandbox.SandboxResult(1, false, "x".repeat(10_000) + "END",
                "", Duration.ofMillis(5), "img")), Requests.CLOCK);

        var vote = validator.validate(Requests.pytest(Requests.WRONG));

        assertThat(vote.details().get("stdoutTail")).endsWith("END").hasSizeLessThan(4200);
    }
}
