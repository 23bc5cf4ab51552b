package io.moldtank.ports.out.validation;

import java.time.Duration;
import java.util.Map;

/** Runs untrusted code isolated: no network, read-only root, limited memory, CPU, processes and time. */
public interface Sandbox {

    SandboxResult run(SandboxRun run);

    /**
     * Files placed in the work directory, a shell command, a wall-clock limit, and variables added to
     * the sandbox's fixed environment (names in upper case; they cannot replace PATH, HOME and the like).
     */
    record SandboxRun(Map<String, String> files, String command, Duration timeout, Map<String, String> env) {
        public SandboxRun {
            files = Map.copyOf(files);
            env = Map.copyOf(env);
            for (String name : env.keySet()) {
                if (!name.matches("MOLDTANK_[A-Z0-9_]{1,40}")) {
                    throw new IllegalArgumentException("sandbox variables are named MOLDTANK_*: " + name);
                }
            }
        }

        public SandboxRun(Map<String, String> files, String command, Duration timeout) {
            this(files, command, timeout, Map.of());
        }
    }

    /** {@code timedOut} runs have no meaningful exit code; {@code image} identifies the environment. */
    record SandboxResult(int exitCode, boolean timedOut, String stdout, String stderr, Duration took, String image) {
    }
}
