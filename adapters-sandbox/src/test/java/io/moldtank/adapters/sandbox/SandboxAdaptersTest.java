package io.moldtank.adapters.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.moldtank.ports.out.validation.Sandbox.SandboxRun;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SandboxAdaptersTest {

    private static final SandboxAdapters.Settings NO_DOCKER =
            TestSandboxes.SETTINGS.withDockerHost("unix:///nonexistent/docker.sock");

    @Test
    void dockerIsChosenWhenItsEngineAnswers() {
        TestSandboxes.docker(); // fails in CI, skips elsewhere, when Docker is missing

        assertThat(SandboxAdapters.detect(TestSandboxes.SETTINGS)).isInstanceOf(DockerSandbox.class);
    }

    @Test
    void bubblewrapIsChosenWhenDockerIsUnreachable() {
        assertThat(SandboxAdapters.detect(NO_DOCKER, "/usr/local/bin:/usr/bin:/bin"))
                .isInstanceOf(BubblewrapSandbox.class);
    }

    @Test
    void withNeitherTheSandboxRefusesToRunAndSaysHowToEnableOne() {
        var sandbox = SandboxAdapters.detect(NO_DOCKER, "/nonexistent");

        var result = sandbox.run(new SandboxRun(Map.of("x.py", "print(1)"), "python3 x.py", Duration.ofSeconds(5)));

        assertThat(sandbox).isInstanceOf(RefusingSandbox.class);
        assertThat(result.exitCode()).isEqualTo(126);
        assertThat(result.stdout()).isEmpty();
        assertThat(result.stderr()).contains("refused to run untrusted code")
                .contains("Docker is not reachable at unix:///nonexistent/docker.sock")
                .contains(".ci/docker.sh").contains("apt-get install bubblewrap");
    }

    @Test
    void askingForDockerWhenItIsUnreachableIsAClearError() {
        assertThatThrownBy(() -> SandboxAdapters.docker(NO_DOCKER)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Docker is not reachable");
    }

    @Test
    void limitsTooSmallToRunAnythingAreRefused() {
        var d = SandboxAdapters.Settings.defaults();
        assertThatThrownBy(() -> new SandboxAdapters.Settings(d.dockerHost(), d.image(), d.rootfs(), 1024, d.nanoCpus(),
                d.pids(), d.tmpfsBytes(), d.outputCapBytes(), d.defaultTimeout(), d.maxTimeout()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aTimeoutAboveTheMaximumIsCappedAndAMissingOneIsTheDefault() {
        var settings = TestSandboxes.SETTINGS;

        assertThat(settings.timeoutFor(Duration.ofSeconds(900))).isEqualTo(Duration.ofSeconds(300));
        assertThat(settings.timeoutFor(null)).isEqualTo(Duration.ofSeconds(60));
        assertThat(settings.timeoutFor(Duration.ofSeconds(5))).isEqualTo(Duration.ofSeconds(5));
    }
}
