package io.moldtank.adapters.sandbox;

import io.moldtank.ports.out.validation.Sandbox;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * bubblewrap for machines without Docker. Processes and memory are capped by a per-run cgroup when
 * the host allows one; without it, prlimit alone cannot stop a fork bomb started as root, so
 * {@link SandboxAdapters#detect} prefers Docker and this sandbox says so in every result.
 */
final class BubblewrapSandbox implements Sandbox {

    private final SandboxAdapters.Settings settings;
    private final boolean cgroups;

    private BubblewrapSandbox(SandboxAdapters.Settings settings, boolean cgroups) {
        this.settings = settings;
        this.cgroups = cgroups;
    }

    /** {@code path}: the PATH to look for bwrap and prlimit in. */
    static BubblewrapSandbox tryCreate(SandboxAdapters.Settings settings, StringBuilder why, String path) {
        if (onPath("bwrap", path) && onPath("prlimit", path)) {
            return new BubblewrapSandbox(settings, CgroupV1.available());
        }
        why.append("bubblewrap (bwrap) or prlimit is not installed. ");
        return null;
    }

    private static boolean onPath(String program, String path) {
        for (String dir : (path == null ? "/usr/bin:/bin" : path).split(":")) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, program))) {
                return true;
            }
        }
        return false;
    }

    boolean cgroups() {
        return cgroups;
    }

    @Override
    public SandboxResult run(SandboxRun run) {
        Duration timeout = settings.timeoutFor(run.timeout());
        Path work = null;
        CgroupV1 group = null;
        long started = System.nanoTime();
        try {
            work = Files.createTempDirectory("moldtank-bwrap-");
            for (var file : run.files().entrySet()) {
                TarArchive.requirePlain(file.getKey());
                Path target = work.resolve(file.getKey());
                Files.createDirectories(target.getParent());
                Files.writeString(target, file.getValue());
            }
            work.toFile().setReadable(true, false);
            work.toFile().setExecutable(true, false);
            String name = "moldtank-" + UUID.randomUUID();
            group = cgroups ? CgroupV1.create(name, settings.pids(), settings.memoryBytes()) : null;
            var process = new ProcessBuilder(BubblewrapCommand.of(settings, work, run.command(), run.env(),
                    timeout.toSeconds() + 1, group)).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
            var out = drain(process.getInputStream());
            var err = drain(process.getErrorStream());
            boolean finished = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (!finished) {
                process.destroyForcibly();
                if (group != null) {
                    group.destroy();
                }
                process.waitFor(5, TimeUnit.SECONDS);
            }
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            out.thread.join(5_000);
            err.thread.join(5_000);
            String note = !finished ? "timed out after " + timeout.toSeconds() + " s and was killed"
                    : group != null && group.oomKilled() ? RunOutcome.OUT_OF_MEMORY + " (limit " + (settings.memoryBytes() >> 20) + " MiB)"
                    : group == null ? "bubblewrap without cgroups: process count and memory are only rlimits" : "";
            String stderr = err.output.text() + (note.isEmpty() ? "" : "\n[moldtank: " + note + "]\n");
            int exit = finished ? process.exitValue() : RunOutcome.TIMED_OUT;
            return new SandboxResult(exit, !finished, out.output.text(), stderr, took, image());
        } catch (IOException e) {
            throw new SandboxFailure("bubblewrap sandbox failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SandboxFailure("interrupted while the sandbox ran", e);
        } finally {
            if (group != null) {
                group.destroy();
            }
            deleteTree(work);
        }
    }

    private String image() {
        return Files.isExecutable(settings.rootfs().resolve("usr/bin/python3"))
                ? "bubblewrap:" + settings.rootfs() : "bubblewrap:host-usr";
    }

    private record Drain(Thread thread, CappedOutput output) {
    }

    private Drain drain(InputStream stream) {
        var output = new CappedOutput(settings.outputCapBytes());
        var thread = Thread.ofVirtual().start(() -> {
            byte[] buffer = new byte[8192];
            try (stream) {
                for (int n; (n = stream.read(buffer)) > 0; ) {
                    output.write(buffer, 0, n);
                }
            } catch (IOException e) {
                // the process died; what was read is kept
            }
        });
        return new Drain(thread, output);
    }

    private static void deleteTree(Path dir) {
        if (dir == null) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temp dir left behind is harmless; the OS cleans /tmp
        }
    }
}
