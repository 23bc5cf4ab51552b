package io.moldtank.adapters.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.command.CreateContainerResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DockerSandboxTest {

    @BeforeEach
    void dockerIsRequired() {
        TestSandboxes.docker(); // fails in CI, skips loudly elsewhere, when Docker is missing
    }

    @AfterEach
    void nothingIsLeftBehind() {
        TestSandboxes.assertNothingLeftBehind();
    }

    @Test
    void aCommandReturnsItsExitCodeBothStreamsAndTheImageDigest() {
        var result = TestSandboxes.run("echo out; echo err >&2; exit 3", 30);

        assertThat(result.exitCode()).isEqualTo(3);
        assertThat(result.timedOut()).isFalse();
        assertThat(result.stdout()).isEqualTo("out\n");
        assertThat(result.stderr()).isEqualTo("err\n");
        assertThat(result.image()).matches("moldtank/sandbox:1@sha256:[0-9a-f]{64}");
    }

    @Test
    void filesArePlacedInTheWorkDirectoryReadableButNotWritable() {
        var result = TestSandboxes.run("cat a.txt dir/b.py; id -u; touch a.txt 2>&1; touch new 2>&1; true", 30,
                Map.of("a.txt", "alpha\n", "dir/b.py", "print('b')\n"));

        assertThat(result.stdout()).startsWith("alpha\nprint('b')\n65534\n")
                .contains("touch: cannot touch 'a.txt': Permission denied")
                .contains("touch: cannot touch 'new': Permission denied");
    }

    @Test
    void theLimitsAreTheSeedsOnes() {
        var result = TestSandboxes.run("grep -E '^(CapEff|NoNewPrivs)' /proc/self/status; df -k /tmp | tail -1; "
                + "cat /sys/fs/cgroup/memory/memory.limit_in_bytes /sys/fs/cgroup/memory/memory.memsw.limit_in_bytes "
                + "/sys/fs/cgroup/pids/pids.max /sys/fs/cgroup/cpu/cpu.cfs_quota_us", 30);

        assertThat(result.stdout()).contains("CapEff:\t0000000000000000").contains("NoNewPrivs:\t1")
                .contains("65536").contains("536870912\n536870912\n128\n100000");
    }

    @Test
    void twoSandboxesRunInParallel() throws Exception {
        try (var pool = Executors.newFixedThreadPool(2)) {
            long start = System.nanoTime();
            var first = pool.submit(() -> TestSandboxes.run("sleep 2; echo one", 30));
            var second = pool.submit(() -> TestSandboxes.run("sleep 2; echo two", 30));
            var one = first.get();
            var two = second.get();
            Duration wall = Duration.ofNanos(System.nanoTime() - start);

            assertThat(one.stdout()).isEqualTo("one\n");
            assertThat(two.stdout()).isEqualTo("two\n");
            // one after the other, the two sleeps alone would take 4 s
            assertThat(wall).isLessThan(Duration.ofSeconds(4));
        }
    }

    @Test
    void startingSweepsContainersLeftByACrashedProcessButNotARunningOneOfAnotherProcess() {
        var docker = TestSandboxes.docker();
        var client = TestSandboxes.client();
        CreateContainerResponse orphan = ContainerSpec.create(client, TestSandboxes.SETTINGS, "true", java.util.Map.of()).exec();
        CreateContainerResponse live = ContainerSpec.create(client, TestSandboxes.SETTINGS, "sleep 30", java.util.Map.of()).exec();
        client.startContainerCmd(live.getId()).exec();
        try {
            assertThat(docker.sweep()).isEqualTo(1);

            var ids = client.listContainersCmd().withShowAll(true).exec().stream().map(c -> c.getId()).toList();
            assertThat(ids).doesNotContain(orphan.getId()).contains(live.getId());
        } finally {
            client.removeContainerCmd(live.getId()).withForce(true).withRemoveVolumes(true).exec();
        }
    }
}
