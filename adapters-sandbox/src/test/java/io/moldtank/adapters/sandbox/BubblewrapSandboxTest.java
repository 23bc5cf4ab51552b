package io.moldtank.adapters.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.moldtank.ports.out.validation.Sandbox.SandboxResult;
import io.moldtank.ports.out.validation.Sandbox.SandboxRun;
import io.moldtank.ports.testing.RequiredServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The real bwrap on this machine (installed by .ci/docker.sh), on the image's rootfs. */
class BubblewrapSandboxTest {

    private static BubblewrapSandbox sandbox() {
        var why = new StringBuilder();
        var sandbox = BubblewrapSandbox.tryCreate(TestSandboxes.SETTINGS, why, System.getenv("PATH"));
        if (sandbox == null || !Files.isDirectory(TestSandboxes.SETTINGS.rootfs())) {
            throw RequiredServer.unavailable("bubblewrap with the sandbox rootfs", TestSandboxes.SETTINGS.rootfs().toString(),
                    "bash .ci/docker.sh", new IllegalStateException(why.toString()));
        }
        return sandbox;
    }

    private static SandboxResult run(String command, int seconds, Map<String, String> files) {
        var result = sandbox().run(new SandboxRun(files, command, Duration.ofSeconds(seconds)));
        System.out.printf("BWRAP | %s | exit=%d timedOut=%s | %d ms%n", command.lines().findFirst().orElse(""),
                result.exitCode(), result.timedOut(), result.took().toMillis());
        return result;
    }

    @Test
    void aCommandRunsAsNobodyWithNoCapabilitiesNoNetworkAndOnlyItsOwnEnvironment() {
        var result = run("cat a.txt; id -u; grep CapEff /proc/self/status; env; cat /proc/net/dev | tail -n +3 | cut -d: -f1",
                30, Map.of("a.txt", "alpha\n"));

        assertThat(result.exitCode()).isZero();
        assertThat(result.stdout()).startsWith("alpha\n65534\nCapEff:\t0000000000000000\n").contains("HOME=/tmp")
                .doesNotContain("MOLDTANK_SECRET").endsWith("lo\n");
        assertThat(result.image()).isEqualTo("bubblewrap:" + TestSandboxes.SETTINGS.rootfs());
    }

    @Test
    void theRootAndTheWorkFilesAreReadOnlyAndTmpIsSized() {
        var result = run("touch /etc/x; touch a.txt; dd if=/dev/zero of=/tmp/f bs=1M count=200 2>/dev/null; "
                + "echo dd=$?; du -k /tmp/f | cut -f1", 30, Map.of("a.txt", "alpha\n"));

        assertThat(result.stderr()).contains("cannot touch '/etc/x': Read-only file system")
                .contains("cannot touch 'a.txt': Read-only file system");
        var lines = result.stdout().lines().toList();
        assertThat(lines.get(0)).isNotEqualTo("dd=0"); // stopped by the file-size limit or a full /tmp
        assertThat(Long.parseLong(lines.get(1))).isLessThanOrEqualTo(64 * 1024);
    }

    @Test
    void aSleepPastTheTimeoutIsKilledAndNothingIsLeftInTheCgroup() {
        var result = run("sleep 600 & sleep 600", 2, Map.of());

        assertThat(result.timedOut()).isTrue();
        assertThat(result.took()).isLessThan(Duration.ofSeconds(8));
        assertThat(result.stderr()).contains("timed out after 2 s");
        assertNoRunCgroupsLeft();
    }

    @Test
    void aForkBombIsStoppedByTheRunsPidsCgroup() {
        var sandbox = sandbox();
        if (!sandbox.cgroups()) {
            throw RequiredServer.unavailable("writable cgroup v1 (pids, memory)", "/sys/fs/cgroup",
                    "run as root on a cgroup v1 host", null);
        }
        var result = run("python3 fork.py", 30, Map.of("fork.py", """
                import os, time
                n = 0
                try:
                    while n < 1000:
                        if os.fork() == 0:
                            time.sleep(30); os._exit(0)
                        n += 1
                except OSError as e:
                    print("stopped after", n, "children:", e)
                """));

        assertThat(result.stdout()).containsPattern("stopped after 1[0-2][0-9] children");
        assertNoRunCgroupsLeft();
    }

    @Test
    void aMemoryHogIsKilledByTheRunsMemoryCgroup() {
        var result = run("python3 -c 'b = []\nwhile True: b.append(bytearray(64 << 20))'", 30, Map.of());

        assertThat(result.exitCode()).isNotZero();
        assertThat(result.stderr()).containsAnyOf("out of memory", "MemoryError");
    }

    private static void assertNoRunCgroupsLeft() {
        try (var dirs = Files.list(Path.of("/sys/fs/cgroup/pids"))) {
            assertThat(dirs.map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith("moldtank-"));
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }
}
