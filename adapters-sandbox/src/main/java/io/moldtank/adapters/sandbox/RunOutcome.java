package io.moldtank.adapters.sandbox;

import com.github.dockerjava.api.command.InspectContainerResponse;
import io.moldtank.ports.out.validation.Sandbox.SandboxResult;
import java.time.Duration;

/**
 * Turns a finished container into a result that says why it ended. The port's result has no field
 * for the reason, so the sandbox appends one line to stderr, marked {@code [moldtank: ...]}.
 */
final class RunOutcome {

    static final int TIMED_OUT = -1;
    /** How both sandboxes begin the note of a run the kernel killed for memory; the validator looks for it. */
    static final String OUT_OF_MEMORY = "killed: out of memory";

    private RunOutcome() {
    }

    static SandboxResult of(InspectContainerResponse container, boolean finished, Duration timeout,
                            SandboxAdapters.Settings settings, LogCollector logs, Duration took) {
        var state = container.getState();
        boolean oom = Boolean.TRUE.equals(state.getOOMKilled());
        int exit = state.getExitCodeLong() == null ? TIMED_OUT : state.getExitCodeLong().intValue();
        String note = "";
        if (!finished) {
            note = "timed out after " + timeout.toSeconds() + " s and was killed";
            exit = TIMED_OUT;
        } else if (oom) {
            note = OUT_OF_MEMORY + " (limit " + (settings.memoryBytes() >> 20) + " MiB, no swap)";
            exit = exit == 0 ? 137 : exit; // a tmpfs write can be OOM-killed while the shell still exits 0
        } else if (exit == 137) {
            note = "killed by SIGKILL";
        }
        String stderr = logs.stderr.text();
        if (!note.isEmpty()) {
            stderr = stderr + (stderr.isEmpty() || stderr.endsWith("\n") ? "" : "\n") + "[moldtank: " + note + "]\n";
        }
        String image = settings.image() + "@" + container.getImageId();
        return new SandboxResult(exit, !finished, logs.stdout.text(), stderr, took, image);
    }
}
