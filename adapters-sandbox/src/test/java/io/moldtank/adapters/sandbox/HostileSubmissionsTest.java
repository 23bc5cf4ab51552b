package io.moldtank.adapters.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.moldtank.ports.out.validation.Sandbox.SandboxResult;
import io.moldtank.ports.out.validation.Sandbox.SandboxRun;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Untrusted code doing its worst against the real Docker sandbox: each attack is contained and explained. */
class HostileSubmissionsTest {

    private int volumesBefore;

    @BeforeEach
    void countVolumes() {
        volumesBefore = TestSandboxes.danglingVolumes();
    }

    @AfterEach
    void nothingIsLeftBehind() {
        TestSandboxes.assertNothingLeftBehind(volumesBefore);
    }

    private static SandboxResult run(String name, String command, int timeoutSeconds, Map<String, String> files) {
        var result = TestSandboxes.run(command, timeoutSeconds, files);
        System.out.printf("HOSTILE | %s | exit=%d timedOut=%s | %d ms | %s%n", name, result.exitCode(), result.timedOut(),
                result.took().toMillis(), TestRunnerValidator.tail(result.stderr() + result.stdout(), 160).replace('\n', ' '));
        return result;
    }

    private static SandboxResult run(String name, String command, int timeoutSeconds) {
        return run(name, command, timeoutSeconds, Map.of());
    }

    @Test
    void aForkBombStopsAtThePidsLimit() {
        var result = run("fork bomb", "python3 fork.py", 30, Map.of("fork.py", """
                import os, time
                n = 0
                try:
                    while n < 5000:
                        if os.fork() == 0:
                            time.sleep(30); os._exit(0)
                        n += 1
                except OSError as e:
                    print("stopped after", n, "children:", e)
                """));

        assertThat(result.stdout()).containsPattern("stopped after 1[0-2][0-9] children: .*Resource temporarily unavailable");
    }

    @Test
    void aMemoryHogIsKilledAndTheResultSaysOutOfMemory() {
        var result = run("memory hog", "python3 -c 'b = []\nwhile True: b.append(bytearray(64 << 20))'", 30);

        assertThat(result.exitCode()).isEqualTo(137);
        assertThat(result.stderr()).contains("[moldtank: killed: out of memory (limit 512 MiB, no swap)]");
    }

    @Test
    void aCpuSpinPastTheTimeoutIsKilled() {
        var result = run("CPU spin", "python3 -c 'while True: pass'", 2);

        assertThat(result.timedOut()).isTrue();
        assertThat(result.stderr()).contains("[moldtank: timed out after 2 s and was killed]");
        assertThat(result.took()).isLessThan(Duration.ofSeconds(6));
    }

    @Test
    void aSleepPastTheTimeoutIsKilled() {
        var result = run("sleep past timeout", "sleep 600", 2);

        assertThat(result.timedOut()).isTrue();
        assertThat(result.took()).isBetween(Duration.ofSeconds(2), Duration.ofSeconds(6));
    }

    @Test
    void thereIsNoNetwork() {
        var result = run("network access", "cat /proc/net/dev | tail -n +3 | cut -d: -f1; python3 -c "
                + "'import socket; socket.create_connection((\"1.1.1.1\", 53), timeout=3)'", 30);

        assertThat(result.stdout().strip()).isEqualTo("lo");
        assertThat(result.exitCode()).isNotZero();
        assertThat(result.stderr()).contains("Network is unreachable");
    }

    @Test
    void theRootFilesystemAndTheWorkFilesCannotBeWritten() {
        var result = run("write root fs", "touch /etc/evil; touch /usr/bin/evil; echo x > test_a.py", 30,
                Map.of("test_a.py", "def test(): pass\n"));

        assertThat(result.exitCode()).isNotZero();
        assertThat(result.stderr()).contains("touch: cannot touch '/etc/evil': Read-only file system")
                .contains("touch: cannot touch '/usr/bin/evil': Read-only file system")
                .contains("test_a.py: Permission denied");
    }

    @Test
    void fillingTmpStopsAtItsSize() {
        var result = run("fill /tmp", "dd if=/dev/zero of=/tmp/fill bs=1M count=1000 2>&1; df -k /tmp | tail -1", 30);

        assertThat(result.stdout()).contains("No space left on device").contains("65536");
        assertThat(result.stderr()).doesNotContain("out of memory");
    }

    @Test
    void hundredMegabytesOfOutputAreCappedWithAMarker() {
        var result = run("100 MB output", "head -c 100000000 /dev/zero | tr '\\0' a; echo; echo the-end", 60);

        assertThat(result.exitCode()).isZero();
        assertThat(result.stdout().length()).isLessThan(64 * 1024 + 200);
        assertThat(result.stdout()).contains("[moldtank: output truncated,").endsWith("the-end\n");
    }

    @Test
    void aSubmittedSymlinkIsJustAFileAndHostSecretsStayOutOfReach() {
        var result = run("symlink trick", "test -L link && echo IS-A-LINK; cat link; echo; cat /etc/shadow; "
                + "ln -s /etc/shadow /tmp/s && cat /tmp/s", 30, Map.of("link", "/etc/shadow"));

        assertThat(result.stdout()).doesNotContain("IS-A-LINK").startsWith("/etc/shadow\n");
        assertThat(result.stderr()).contains("cat: /etc/shadow: Permission denied")
                .contains("cat: /tmp/s: Permission denied");
    }

    @Test
    void aPathThatClimbsOutOfTheWorkDirectoryIsRefusedBeforeAnyContainerStarts() {
        assertThatThrownBy(() -> TestSandboxes.docker().run(new SandboxRun(Map.of("../../etc/cron.d/x", "evil"),
                "true", Duration.ofSeconds(5)))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("relative and plain");
        assertThatThrownBy(() -> TestSandboxes.docker().run(new SandboxRun(Map.of("/etc/passwd", "evil"),
                "true", Duration.ofSeconds(5)))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theHostEnvironmentIsNotVisible() {
        assertThat(System.getenv("MOLDTANK_SECRET")).as("the test's own host secret is set").isNotBlank();

        var result = run("host env", "env; cat /proc/1/environ | tr '\\0' '\\n'", 30);

        assertThat(result.stdout()).doesNotContain(System.getenv("MOLDTANK_SECRET")).doesNotContain("MOLDTANK_SECRET")
                .contains("HOME=/tmp");
    }

    @Test
    void anAttackDoesNotDisturbAValidationRunningBesideIt() throws Exception {
        try (var pool = Executors.newFixedThreadPool(2)) {
            var hog = pool.submit(() -> run("hog beside honest run",
                    "python3 -c 'b = []\nwhile True: b.append(bytearray(64 << 20))'", 30));
            var honest = pool.submit(() -> run("honest run beside hog", "python3 -c 'print(sum(range(10)))'", 30));

            assertThat(honest.get().stdout()).isEqualTo("45\n");
            assertThat(honest.get().exitCode()).isZero();
            assertThat(hog.get().exitCode()).isEqualTo(137);
        }
    }
}
