package io.moldtank.adapters.sandbox;

import io.moldtank.ports.out.validation.RunJobCheck;
import io.moldtank.ports.out.validation.Sandbox;
import io.moldtank.ports.out.validation.Validator;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * The sandbox module's one public entry. {@link #detect} picks the strongest isolation this machine
 * offers: Docker if its engine answers, else bubblewrap if installed, else a sandbox that refuses to
 * run anything and says how to enable one. Untrusted code is never run unsandboxed.
 */
public final class SandboxAdapters {

    private SandboxAdapters() {
    }

    /** Docker if reachable, then bubblewrap, then refusal (whose message lists what was tried). */
    public static Sandbox detect(Settings settings) {
        return detect(settings, System.getenv("PATH"));
    }

    static Sandbox detect(Settings settings, String path) {
        StringBuilder why = new StringBuilder();
        var docker = DockerSandbox.tryConnect(settings, why);
        if (docker != null) {
            return docker;
        }
        var bwrap = BubblewrapSandbox.tryCreate(settings, why, path);
        if (bwrap != null) {
            return bwrap;
        }
        return new RefusingSandbox(why.toString());
    }

    /** The Docker sandbox, or an exception saying why the engine or image is unusable. */
    public static Sandbox docker(Settings settings) {
        StringBuilder why = new StringBuilder();
        var docker = DockerSandbox.tryConnect(settings, why);
        if (docker == null) {
            throw new IllegalStateException(why.toString().strip());
        }
        return docker;
    }

    /** The bubblewrap sandbox, or an exception saying why it cannot be used here. */
    public static Sandbox bubblewrap(Settings settings) {
        StringBuilder why = new StringBuilder();
        var bwrap = BubblewrapSandbox.tryCreate(settings, why, System.getenv("PATH"));
        if (bwrap == null) {
            throw new IllegalStateException(why.toString().strip());
        }
        return bwrap;
    }

    /** The validator that runs a bounty's test suite beside the submission's files in {@code sandbox}. */
    public static Validator testRunner(Sandbox sandbox, Clock clock) {
        return new TestRunnerValidator(sandbox, clock);
    }

    /** Runs jobs' sandbox checks on their delivered results with the same runner and evidence rule as bounties. */
    public static RunJobCheck jobChecks(Sandbox sandbox, Clock clock) {
        return new JobCheckRunner(new TestRunnerValidator(sandbox, clock));
    }

    /**
     * Limits every sandbox enforces and where to find its engine. Defaults follow seed 000 §2.5:
     * 512 MiB with no swap, one CPU, 128 processes, a 64 MiB /tmp, 60 s by default, 300 s at most.
     *
     * @param dockerHost the Docker engine, e.g. {@code unix:///var/run/docker.sock}
     * @param image      the locally built image tag (scripts/build-image.sh)
     * @param rootfs     that image's root directory, used read-only by the bubblewrap sandbox
     */
    public record Settings(String dockerHost, String image, Path rootfs, long memoryBytes, long nanoCpus,
                           long pids, long tmpfsBytes, int outputCapBytes, Duration defaultTimeout,
                           Duration maxTimeout) {

        public static final String IMAGE_VERSION = "1";

        public Settings {
            Objects.requireNonNull(dockerHost, "dockerHost");
            Objects.requireNonNull(image, "image");
            Objects.requireNonNull(rootfs, "rootfs");
            if (memoryBytes < (16L << 20) || nanoCpus < 10_000_000L || pids < 8 || tmpfsBytes < (1L << 20)
                    || outputCapBytes < 1024) {
                throw new IllegalArgumentException("sandbox limits are too small to run anything");
            }
            if (defaultTimeout.isNegative() || defaultTimeout.isZero() || maxTimeout.compareTo(defaultTimeout) < 0) {
                throw new IllegalArgumentException("timeouts must satisfy 0 < default <= max");
            }
        }

        public static Settings defaults() {
            return new Settings("unix:///var/run/docker.sock", "moldtank/sandbox:" + IMAGE_VERSION,
                    Path.of("/var/lib/moldtank/sandbox-rootfs-" + IMAGE_VERSION), 512L << 20, 1_000_000_000L,
                    128, 64L << 20, 64 * 1024, Duration.ofSeconds(60), Duration.ofSeconds(300));
        }

        public Settings withDockerHost(String host) {
            return new Settings(host, image, rootfs, memoryBytes, nanoCpus, pids, tmpfsBytes, outputCapBytes,
                    defaultTimeout, maxTimeout);
        }

        public Settings withRootfs(Path dir) {
            return new Settings(dockerHost, image, dir, memoryBytes, nanoCpus, pids, tmpfsBytes, outputCapBytes,
                    defaultTimeout, maxTimeout);
        }

        /** A run's timeout: the default when none was asked, never more than the maximum. */
        Duration timeoutFor(Duration asked) {
            if (asked == null || asked.isZero() || asked.isNegative()) {
                return defaultTimeout;
            }
            return asked.compareTo(maxTimeout) > 0 ? maxTimeout : asked;
        }
    }
}
