package io.moldtank.ports.out.validation;

import java.time.Duration;
import java.util.Map;

/** Runs untrusted code isolated: no network, read-only root, limited memory, CPU, processes and time. */
public interface Sandbox {

    SandboxResult run(SandboxRun run);

    /** Files placed in the work directory, a shell command, and a wall-clock limit. */
    record SandboxRun(Map<String, String> files, String command, Duration timeout) {
        public SandboxRun {
            files = Map.copyOf(files);
        }
    }

    /** {@code timedOut} runs have no meaningful exit code; {@code image} identifies the environment. */
    record SandboxResult(int exitCode, boolean timedOut, String stdout, String stderr, Duration took, String image) {
    }
}
