package io.moldtank.adapters.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.zerodep.ZerodepDockerHttpClient;
import io.moldtank.ports.out.validation.Sandbox.SandboxResult;
import io.moldtank.ports.out.validation.Sandbox.SandboxRun;
import io.moldtank.ports.testing.RequiredServer;
import java.net.URI;
import java.time.Duration;
import java.util.Map;

/** The real sandboxes the tests use; a missing engine fails the test in CI and skips it loudly elsewhere. */
final class TestSandboxes {

    static final SandboxAdapters.Settings SETTINGS = SandboxAdapters.Settings.defaults()
            .withDockerHost(RequiredServer.env("MOLDTANK_TEST_DOCKER_HOST", "unix:///var/run/docker.sock"));

    private static DockerSandbox docker;
    private static DockerClient client;

    private TestSandboxes() {
    }

    static synchronized DockerSandbox docker() {
        if (docker == null) {
            var why = new StringBuilder();
            docker = DockerSandbox.tryConnect(SETTINGS, why);
            if (docker == null) {
                throw RequiredServer.unavailable("Docker with image " + SETTINGS.image(), SETTINGS.dockerHost(),
                        "bash .ci/docker.sh", new IllegalStateException(why.toString()));
            }
            foreign = labelledIds(); // before this run starts anything
        }
        return docker;
    }

    /** A plain client for the tests' own checks (leftover containers), outside the adapter. */
    static synchronized DockerClient client() {
        docker();
        if (client == null) {
            var cfg = DefaultDockerClientConfig.createDefaultConfigBuilder().withDockerHost(SETTINGS.dockerHost()).build();
            client = DockerClientImpl.getInstance(cfg, new ZerodepDockerHttpClient.Builder()
                    .dockerHost(URI.create(SETTINGS.dockerHost())).build());
        }
        return client;
    }

    /**
     * Labelled containers this test run created and left. Ones that already existed when the run first
     * looked belong to another process on the same engine (or a crashed one the sweep will collect).
     */
    static synchronized int labelledContainers() {
        docker();
        java.util.Set<String> now = labelledIds();
        now.removeAll(foreign);
        return now.size();
    }

    private static java.util.Set<String> foreign;

    private static java.util.Set<String> labelledIds() {
        java.util.Set<String> ids = new java.util.HashSet<>();
        client().listContainersCmd().withShowAll(true).withLabelFilter(Map.of(ContainerSpec.LABEL, "1")).exec()
                .forEach(c -> ids.add(c.getId()));
        return ids;
    }

    static SandboxResult run(String command, int timeoutSeconds, Map<String, String> files) {
        return docker().run(new SandboxRun(files, command, Duration.ofSeconds(timeoutSeconds)));
    }

    static SandboxResult run(String command, int timeoutSeconds) {
        return run(command, timeoutSeconds, Map.of());
    }

    /** Anonymous volumes no container uses: a sandbox that forgot its /work volume would add one. */
    static int danglingVolumes() {
        var volumes = client().listVolumesCmd().withDanglingFilter(true).exec().getVolumes();
        return volumes == null ? 0 : volumes.size();
    }

    static void assertNothingLeftBehind() {
        assertThat(labelledContainers()).as("sandbox containers left behind").isZero();
    }

    static void assertNothingLeftBehind(int danglingVolumesBefore) {
        assertNothingLeftBehind();
        assertThat(danglingVolumes()).as("work volumes left behind").isEqualTo(danglingVolumesBefore);
    }
}
