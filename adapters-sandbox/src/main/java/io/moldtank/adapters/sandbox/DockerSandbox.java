package io.moldtank.adapters.sandbox;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.command.WaitContainerResultCallback;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.zerodep.ZerodepDockerHttpClient;
import io.moldtank.ports.out.validation.Sandbox;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs each command in a fresh, locked-down container (see {@link ContainerSpec}), killed at its
 * timeout and always removed. Containers left behind by a crashed process are swept at start.
 */
final class DockerSandbox implements Sandbox {

    private static final Logger LOG = LoggerFactory.getLogger(DockerSandbox.class);

    private final DockerClient docker;
    private final SandboxAdapters.Settings settings;

    DockerSandbox(DockerClient docker, SandboxAdapters.Settings settings) {
        this.docker = docker;
        this.settings = settings;
    }

    /** A connected sandbox with its image present and leftovers swept, or null with the reason appended. */
    static DockerSandbox tryConnect(SandboxAdapters.Settings settings, StringBuilder why) {
        try {
            var config = DefaultDockerClientConfig.createDefaultConfigBuilder()
                    .withDockerHost(settings.dockerHost()).build();
            var http = new ZerodepDockerHttpClient.Builder().dockerHost(URI.create(settings.dockerHost()))
                    .maxConnections(32).connectionTimeout(Duration.ofSeconds(3))
                    .responseTimeout(settings.maxTimeout().plusSeconds(30)).build();
            DockerClient docker = DockerClientImpl.getInstance(config, http);
            docker.pingCmd().exec();
            try {
                docker.inspectImageCmd(settings.image()).exec();
            } catch (NotFoundException e) {
                why.append("Docker is reachable but image ").append(settings.image())
                        .append(" is missing: run adapters-sandbox/scripts/build-image.sh. ");
                return null;
            }
            var sandbox = new DockerSandbox(docker, settings);
            sandbox.sweep();
            return sandbox;
        } catch (RuntimeException e) {
            why.append("Docker is not reachable at ").append(settings.dockerHost()).append(" (")
                    .append(e.getClass().getSimpleName()).append(": ").append(e.getMessage())
                    .append("): install docker.io and start dockerd (.ci/docker.sh). ");
            return null;
        }
    }

    /**
     * Removes containers carrying our label that no live run can own: any not running, and running
     * ones older than the longest timeout (their process died before its finally). Younger running
     * ones may belong to another process sharing this engine, so they are left to their own run.
     */
    int sweep() {
        // Container ages are the engine's times, so the cutoff is taken from the engine's clock too: a
        // remote engine (or this JVM) with a skewed clock must not sweep the running runs of other nodes.
        long cutoff = engineTime().getEpochSecond() - settings.maxTimeout().toSeconds() - 60;
        var leftovers = docker.listContainersCmd().withShowAll(true)
                .withLabelFilter(Map.of(ContainerSpec.LABEL, "1")).exec().stream()
                .filter(c -> !"running".equals(c.getState()) || c.getCreated() < cutoff).toList();
        for (var c : leftovers) {
            remove(c.getId());
        }
        if (!leftovers.isEmpty()) {
            LOG.warn("removed {} leftover sandbox containers", leftovers.size());
        }
        return leftovers.size();
    }

    private java.time.Instant engineTime() {
        String time = docker.infoCmd().exec().getSystemTime();
        try {
            return java.time.OffsetDateTime.parse(time).toInstant();
        } catch (RuntimeException e) {
            throw new IllegalStateException("the Docker engine reported an unreadable time: " + time, e);
        }
    }

    @Override
    public SandboxResult run(SandboxRun run) {
        Duration timeout = settings.timeoutFor(run.timeout());
        byte[] archive = TarArchive.of(run.files());
        long started = System.nanoTime();
        String id = null;
        try {
            id = ContainerSpec.create(docker, settings, run.command(), run.env()).exec().getId();
            docker.copyArchiveToContainerCmd(id).withRemotePath(ContainerSpec.WORK)
                    .withTarInputStream(new ByteArrayInputStream(archive)).exec();
            // Attach before start and stream straight from the container's stdio: the daemon keeps no
            // log file (driver "none"), so 100 MB of output costs neither host disk nor our memory.
            // (Following a rotated json-file log lost the stream: "Error grabbing logs".)
            var logs = docker.attachContainerCmd(id).withStdOut(true).withStdErr(true).withFollowStream(true)
                    .withLogs(false).exec(new LogCollector(settings.outputCapBytes()));
            logs.awaitStarted(10, TimeUnit.SECONDS);
            docker.startContainerCmd(id).exec();
            var waiting = docker.waitContainerCmd(id).exec(new WaitContainerResultCallback());
            boolean finished = waiting.awaitCompletion(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (!finished) {
                kill(id);
            }
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            logs.awaitCompletion(10, TimeUnit.SECONDS);
            logs.close();
            waiting.close();
            InspectContainerResponse state = docker.inspectContainerCmd(id).exec();
            return RunOutcome.of(state, finished, timeout, settings, logs, took);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SandboxFailure("interrupted while the sandbox ran", e);
        } catch (SandboxFailure e) {
            throw e;
        } catch (RuntimeException | java.io.IOException e) {
            throw new SandboxFailure("docker sandbox failed: " + e.getMessage(), e);
        } finally {
            if (id != null) {
                remove(id);
            }
        }
    }

    private void kill(String id) {
        try {
            docker.killContainerCmd(id).exec();
        } catch (RuntimeException e) { // it may have exited between the timeout and the kill
            LOG.debug("kill {}: {}", id, e.getMessage());
        }
    }

    private void remove(String id) {
        try {
            docker.removeContainerCmd(id).withForce(true).withRemoveVolumes(true).exec();
        } catch (NotFoundException e) {
            // already gone
        } catch (RuntimeException e) {
            LOG.error("could not remove sandbox container {}; the next start sweeps it", id, e);
        }
    }
}
