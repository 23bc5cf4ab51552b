package io.moldtank.ports.memory;

import io.moldtank.ports.out.validation.Sandbox;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The sandbox test double: answers each run with a scripted result and remembers what it was asked
 * to run. It runs nothing, so it never isolates anything: for tests and embedders' examples only.
 */
public final class ScriptedSandbox implements Sandbox {
    private final Function<SandboxRun, SandboxResult> script;
    private final List<SandboxRun> runs = new ArrayList<>();

    public ScriptedSandbox(Function<SandboxRun, SandboxResult> script) {
        this.script = script;
    }

    /** Exit code 0 when the run's files contain {@code marker}, else 1. */
    public static ScriptedSandbox passingWhenFilesContain(String marker) {
        return new ScriptedSandbox(run -> new SandboxResult(
                run.files().values().stream().anyMatch(c -> c.contains(marker)) ? 0 : 1, false, "", "",
                Duration.ZERO, "scripted"));
    }

    @Override
    public synchronized SandboxResult run(SandboxRun run) {
        runs.add(run);
        return script.apply(run);
    }

    public synchronized List<SandboxRun> runs() {
        return List.copyOf(runs);
    }
}
